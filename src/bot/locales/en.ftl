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
