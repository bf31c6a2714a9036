start =
    Hello! I answer questions about the Central Party Office's guidelines on using AI in Party agencies, and I quote the passages I rely on.
    Just write your question (in Vietnamese, English or Ukrainian). What I cannot answer goes to the coordinating unit, the Department of Digital Transformation – Cryptography.
    /help lists the commands.
help =
    Write a question as a message; in a group, mention me or reply to me.
    /about — what I know: documents, their status and versions
    /lang — the language I write in
    /help — this list
    Under each answer: 👍 / 👎 to rate it, and "Ask a coordinator" to pass the question to a person.
about-header = I answer from these documents (corpus version { $version }):
about-document = • { $title } — { $status }, { $edition }
about-footnote = These are digests of public reports, not the official text; I say so when a detail is not in them.
about-empty = The guidelines are not indexed yet.
lang-choose = Choose the language I write in:
lang-set = I will write in English.
refused = Sorry, this assistant is only for staff of the Party agencies it serves. If you should have access, ask your unit's coordinator.
rate-limited = You are asking faster than I can answer. Please wait a minute and ask again.
not-text = I can only read text questions. Please type your question as a message.
edited = I do not re-read edited messages. Please send the corrected question as a new message.
too-long = That message is too long for a question (at most { $max } characters). Please ask briefly — and never paste whole documents into an AI chat.
mention-empty = Ask me a question after the mention.
no-words = Please write your question in words: I cannot search for emoji or symbols alone.
progress = Found { $count } passages; composing the answer…
button-up = 👍
button-down = 👎
button-coordinator = Ask a coordinator
feedback-thanks = Thank you for the feedback.
feedback-reason-ask = What was wrong with the answer? Reply to this message with a short reason (optional).
feedback-reason-saved = Thank you, your reason has been recorded.
feedback-gone = That answer is no longer on record.
coordinator-requested = Your request is recorded: a coordinator of the Department of Digital Transformation – Cryptography will review the question.
error = Something went wrong on my side. Please try again in a minute.
status-digest = digest of public reports
status-official = official text
# A question's number is a name, not a quantity: without grouping (#1234, never #1,234 or #1.234), as the
# reminders and topic names write it and as the decline prompt reads it back.
escalation-ack = Your question is now #{ NUMBER($id, useGrouping: 0) } in the coordinators' queue (Department of Digital Transformation – Cryptography). Their answer will come here.
escalation-exists = This question is already with the coordinators as #{ NUMBER($id, useGrouping: 0) }.
human-nothing = Write your question after /human (for example: /human Who approves the use of AI tools?), or ask it first and then send /human.
answer-header = Answer from the Department of Digital Transformation – Cryptography (question #{ NUMBER($id, useGrouping: 0) }):
answer-followup-hint = Reply to this message to ask a follow-up.
declined-to-asker = The coordinators could not take question #{ NUMBER($id, useGrouping: 0) }: { $reason }
followup-sent = Your follow-up was added to question #{ NUMBER($id, useGrouping: 0) }.
card-title = Question #{ NUMBER($id, useGrouping: 0) }
card-state = State: { $state ->
    [open] open
    [claimed] claimed by { $name }
    [answered] answered
    [closed] closed
   *[declined] declined
}
card-language = Asker's language: { $language }
card-why = Why it came here: { $why ->
    [low_confidence] the guidelines do not seem to cover it
    [not_in_public_reports] it asks for a detail the public reports do not give
    [not_covered] the language model found no answer in the passages
    [unverified] the model's answer could not be verified
   *[asked] the asker asked for a person
}
card-found = What the assistant found:
card-nothing-found = The assistant found no relevant passage.
card-howto = Reply to this card to answer the asker.
button-claim = Claim
button-decline = Decline
button-close = Close
claim-done = Claimed by you.
claim-taken = Not open any more (claimed by { $name }).
decline-ask = Reply to this message with the reason for declining #{ NUMBER($id, useGrouping: 0) }; it is sent to the asker.
declined-done = #{ NUMBER($id, useGrouping: 0) } declined; the asker is told why.
answer-recorded = Answer to #{ NUMBER($id, useGrouping: 0) } recorded; it is on its way to the asker.
text-empty = That message has no text to send to the asker; nothing was recorded.
text-too-long = That text is too long for one message to the asker ({ $length } characters, at most { $max }); nothing was recorded. Please shorten it and send it again.
answer-not-open = #{ NUMBER($id, useGrouping: 0) } is { $state }; nothing was sent.
closed-done = #{ NUMBER($id, useGrouping: 0) } closed.
followup-card = Follow-up to #{ NUMBER($id, useGrouping: 0) } from the asker:
reminder = Questions waiting longer than { $hours } h: { $list }
queue-empty = No open questions.
queue-header = Open questions, oldest first:
queue-item = #{ NUMBER($id, useGrouping: 0) } · { $age } · { $state } — { $question }
not-coordinator = Only coordinators can do this.
button-publish = Publish
published-done = #{ NUMBER($id, useGrouping: 0) } is published as curated answer { NUMBER($curated, useGrouping: 0) }: similar questions will get it.
publish-not-answered = #{ NUMBER($id, useGrouping: 0) } has no answer to publish yet.
stats-header = Last { $days } days: { $questions } questions, { $answered } answered, { $escalated } escalated; { $open } waiting for a coordinator.
stats-median = Median time to a coordinator's answer: { $minutes } min.
stats-median-none = No coordinator's answer yet in this period.
stats-topics = Most frequent topics of escalated questions: { $topics }
stats-chart = Questions per day: green answered, orange escalated.
button-public = It is public — ask anyway
confirm-expired = That confirmation has expired; please ask again.
guard-blocked = Not sent: the message seems to contain { $categories }, which the guidelines say must not be given to AI platforms. Please write it without that.
button-confirm = Yes, go ahead
button-cancel = Cancel
cancelled = Cancelled; nothing was changed.
reindex-confirm = Re-index the guidelines from the corpus folder now? The new version becomes active only if it builds completely.
rollback-confirm = Re-activate the version before the active one?
reindex-started = Re-indexing…
maintenance-failed = Stopped, nothing changed: { $reason }
# After a re-index: curated answers whose sections changed, sent to the coordinators' chat.
review-title = Curated answers to review: version { $version } changed the sections they rely on
review-intro = Staff no longer get these answers. Check each against the new text; pressing Publish on its card shows it again.
review-change = { $section }: { $change ->
    [removed] removed
   *[changed] changed
}
review-no-card = curated answer { NUMBER($id, useGrouping: 0) }
review-more = …and { $count } more.
