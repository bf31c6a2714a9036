start =
    Xin chào! Tôi trả lời câu hỏi về Hướng dẫn khai thác, sử dụng AI trong các cơ quan Đảng của Văn phòng Trung ương Đảng và trích dẫn nguyên văn các đoạn làm căn cứ.
    Bạn chỉ cần gửi câu hỏi (tiếng Việt, tiếng Anh hoặc tiếng Ukraina). Những câu tôi không trả lời được sẽ được chuyển tới đơn vị đầu mối là đơn vị Chuyển đổi số – Cơ yếu.
    /help để xem các lệnh.
help =
    Gửi câu hỏi dưới dạng tin nhắn; trong nhóm, hãy nhắc tên tôi hoặc trả lời tin nhắn của tôi.
    /about — tôi biết gì: các tài liệu, tình trạng và phiên bản
    /lang — ngôn ngữ tôi dùng để trả lời
    /help — danh sách này
    Dưới mỗi câu trả lời: 👍 / 👎 để đánh giá, và "Hỏi cán bộ đầu mối" để chuyển câu hỏi tới người phụ trách.
about-header = Tôi trả lời dựa trên các tài liệu sau (phiên bản kho dữ liệu { $version }):
about-document = • { $title } — { $status }, { $edition }
about-footnote = Đây là bản tóm lược từ các bản tin công khai, không phải văn bản chính thức; khi chi tiết nào không có trong đó, tôi sẽ nói rõ.
about-empty = Tài liệu hướng dẫn chưa được lập chỉ mục.
lang-choose = Chọn ngôn ngữ tôi dùng để trả lời:
lang-set = Tôi sẽ trả lời bằng tiếng Việt.
refused = Xin lỗi, trợ lý này chỉ dành cho cán bộ của các cơ quan Đảng được phục vụ. Nếu bạn cần được cấp quyền, hãy liên hệ cán bộ đầu mối của đơn vị.
rate-limited = Bạn đang hỏi nhanh hơn tôi có thể trả lời. Vui lòng chờ một phút rồi hỏi lại.
not-text = Tôi chỉ đọc được câu hỏi dạng văn bản. Vui lòng gõ câu hỏi thành tin nhắn.
edited = Tôi không đọc lại tin nhắn đã sửa. Vui lòng gửi câu hỏi đã sửa thành tin nhắn mới.
too-long = Tin nhắn quá dài để là một câu hỏi (tối đa { $max } ký tự). Vui lòng hỏi ngắn gọn — và không bao giờ dán nguyên văn tài liệu vào trò chuyện với AI.
mention-empty = Hãy đặt câu hỏi sau khi nhắc tên tôi.
no-words = Vui lòng viết câu hỏi bằng chữ: tôi không thể tra cứu chỉ bằng biểu tượng cảm xúc hay ký hiệu.
progress = Đã tìm thấy { $count } đoạn liên quan; đang soạn câu trả lời…
button-up = 👍
button-down = 👎
button-coordinator = Hỏi cán bộ đầu mối
feedback-thanks = Cảm ơn bạn đã góp ý.
feedback-reason-ask = Câu trả lời chưa đúng ở điểm nào? Hãy trả lời tin nhắn này bằng một lý do ngắn (không bắt buộc).
feedback-reason-saved = Cảm ơn bạn, lý do đã được ghi nhận.
feedback-gone = Câu trả lời đó không còn được lưu.
coordinator-requested = Yêu cầu của bạn đã được ghi nhận: cán bộ đầu mối của đơn vị Chuyển đổi số – Cơ yếu sẽ xem xét câu hỏi.
error = Đã có lỗi ở phía tôi. Vui lòng thử lại sau một phút.
status-digest = bản tóm lược từ các bản tin công khai
status-official = văn bản chính thức
# A question's number is a name, not a quantity: without grouping (#1234, never #1,234 or #1.234), as the
# reminders and topic names write it and as the decline prompt reads it back.
escalation-ack = Câu hỏi của bạn đã được chuyển tới cán bộ đầu mối (đơn vị Chuyển đổi số – Cơ yếu) với số #{ NUMBER($id, useGrouping: 0) }. Câu trả lời sẽ được gửi tại đây.
escalation-exists = Câu hỏi này đã được chuyển tới cán bộ đầu mối với số #{ NUMBER($id, useGrouping: 0) }.
human-nothing = Hãy viết câu hỏi sau lệnh /human (ví dụ: /human Ai phê duyệt việc dùng công cụ AI?), hoặc đặt câu hỏi trước rồi gửi /human.
answer-header = Trả lời của đơn vị Chuyển đổi số – Cơ yếu (câu hỏi #{ NUMBER($id, useGrouping: 0) }):
answer-followup-hint = Trả lời tin nhắn này nếu bạn muốn hỏi thêm.
declined-to-asker = Cán bộ đầu mối không thể tiếp nhận câu hỏi #{ NUMBER($id, useGrouping: 0) }: { $reason }
followup-sent = Câu hỏi thêm của bạn đã được gắn vào câu hỏi #{ NUMBER($id, useGrouping: 0) }.
card-title = Câu hỏi #{ NUMBER($id, useGrouping: 0) }
card-state = Trạng thái: { $state ->
    [open] chưa có người nhận
    [claimed] { $name } đã nhận
    [answered] đã trả lời
    [closed] đã đóng
   *[declined] đã từ chối
}
card-language = Ngôn ngữ của người hỏi: { $language }
card-why = Lý do chuyển: { $why ->
    [low_confidence] tài liệu hướng dẫn dường như không đề cập
    [not_in_public_reports] hỏi chi tiết mà các bản tin công khai không nêu
    [not_covered] mô hình ngôn ngữ không tìm thấy câu trả lời trong các đoạn trích
    [unverified] không kiểm chứng được câu trả lời của mô hình
   *[asked] người hỏi muốn hỏi cán bộ
}
card-found = Trợ lý đã tìm thấy:
card-nothing-found = Trợ lý không tìm thấy đoạn nào liên quan.
card-howto = Trả lời thẻ này để trả lời người hỏi.
button-claim = Nhận xử lý
button-decline = Từ chối
button-close = Đóng
claim-done = Bạn đã nhận xử lý.
claim-taken = Không còn mở (đã được { $name } nhận).
decline-ask = Trả lời tin nhắn này với lý do từ chối câu hỏi #{ NUMBER($id, useGrouping: 0) }; lý do sẽ được gửi cho người hỏi.
declined-done = Đã từ chối #{ NUMBER($id, useGrouping: 0) }; người hỏi sẽ được báo lý do.
answer-recorded = Đã ghi nhận câu trả lời cho #{ NUMBER($id, useGrouping: 0) }; đang gửi tới người hỏi.
text-empty = Tin nhắn không có nội dung để gửi cho người hỏi; chưa ghi nhận gì.
text-too-long = Nội dung quá dài để gửi trong một tin nhắn cho người hỏi ({ $length } ký tự, tối đa { $max }); chưa ghi nhận gì. Vui lòng rút gọn và gửi lại.
answer-not-open = #{ NUMBER($id, useGrouping: 0) } đang ở trạng thái { $state }; không gửi gì.
closed-done = Đã đóng #{ NUMBER($id, useGrouping: 0) }.
followup-card = Người hỏi hỏi thêm về #{ NUMBER($id, useGrouping: 0) }:
reminder = Các câu hỏi chờ quá { $hours } giờ: { $list }
queue-empty = Không có câu hỏi nào đang chờ.
queue-header = Các câu hỏi đang chờ, cũ nhất trước:
queue-item = #{ NUMBER($id, useGrouping: 0) } · { $age } · { $state } — { $question }
not-coordinator = Chỉ cán bộ đầu mối mới làm được việc này.
button-publish = Công bố
published-done = Đã công bố #{ NUMBER($id, useGrouping: 0) } thành câu trả lời mẫu { NUMBER($curated, useGrouping: 0) }: các câu hỏi tương tự sẽ nhận được câu trả lời này.
publish-not-answered = #{ NUMBER($id, useGrouping: 0) } chưa có câu trả lời để công bố.
stats-header = { $days } ngày qua: { $questions } câu hỏi, { $answered } được trả lời, { $escalated } được chuyển; { $open } đang chờ cán bộ đầu mối.
stats-median = Thời gian trung vị tới khi cán bộ đầu mối trả lời: { $minutes } phút.
stats-median-none = Chưa có câu trả lời nào của cán bộ đầu mối trong thời gian này.
stats-topics = Chủ đề thường gặp nhất của các câu hỏi được chuyển: { $topics }
stats-chart = Số câu hỏi mỗi ngày: xanh là được trả lời, cam là được chuyển.
button-public = Đây là thông tin công khai — vẫn hỏi
confirm-expired = Xác nhận đã hết hạn; vui lòng hỏi lại.
guard-blocked = Chưa gửi: tin nhắn có vẻ chứa { $categories }, là thông tin mà Hướng dẫn không cho phép đưa vào nền tảng AI. Vui lòng viết lại mà không kèm thông tin đó.
button-confirm = Đồng ý, thực hiện
button-cancel = Hủy
cancelled = Đã hủy; không có gì thay đổi.
reindex-confirm = Lập chỉ mục lại tài liệu hướng dẫn từ thư mục kho dữ liệu ngay bây giờ? Phiên bản mới chỉ được kích hoạt khi được xây dựng đầy đủ.
rollback-confirm = Kích hoạt lại phiên bản trước phiên bản đang dùng?
reindex-started = Đang lập chỉ mục lại…
maintenance-failed = Đã dừng, không có gì thay đổi: { $reason }
# After a re-index: curated answers whose sections changed, sent to the coordinators' chat.
review-title = Câu trả lời mẫu cần rà soát: phiên bản { $version } đã thay đổi các mục mà chúng dựa vào
review-intro = Cán bộ sẽ không còn nhận được các câu trả lời này. Hãy đối chiếu từng câu trả lời với nội dung mới; bấm Công bố trên thẻ của câu hỏi để hiển thị lại.
review-change = { $section }: { $change ->
    [removed] đã bị bỏ
   *[changed] đã thay đổi
}
review-no-card = câu trả lời mẫu { NUMBER($id, useGrouping: 0) }
review-more = …và { $count } câu trả lời khác.
