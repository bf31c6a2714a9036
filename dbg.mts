import { askedDetails, statesDetail } from './src/answer/asked-detail.ts';
for (const q of ['Số hiệu của Hướng dẫn là gì?','Hướng dẫn có hiệu lực từ ngày nào?','Which AI tools were demonstrated at the training?','Vi phạm thì bị kỷ luật thế nào?','Số điện thoại của đơn vị đầu mối?','Có mấy mức độ nhạy cảm?','Який номер документа?','Có được đưa thông tin mật vào ChatGPT không?','Is ChatGPT allowed?','Hướng dẫn được công bố khi nào?'])
  console.log(q, askedDetails(q));
console.log(statesDetail('ngày 27/11/2025 các báo đưa tin', 'date'), statesDetail('Thông báo kết luận số 43-TB/TGV', 'number'), statesDetail('no date here', 'date'));
