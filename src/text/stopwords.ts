/**
 * Function words that carry no topic. They are ignored when judging whether the guidelines cover a
 * question, and left out of full-text queries, because they match almost every passage.
 */

/** Vietnamese, with tone marks (checked against the NFC lower-case word). */
export const STOPWORDS_VI = new Set(
  `có được không là gì nào thế sao như của và các những cho với vào ra trong khi thì mà này đó kia
  tôi chúng ta mình bạn anh chị em ạ nhé hay hoặc để về theo từ đến phải nên cần đã đang sẽ rồi
  cũng còn vẫn rất lắm nhiều ít một hai một việc điều cái ở tại bao giờ đâu làm sao
  muốn xin hỏi cho biết vui lòng giúp hãy ơi thưa vậy nếu thì là hả chứ nhỉ đấy`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * The same words as typed without tone marks. Only words whose unmarked form is not also a common
 * content word are listed ("bi" may be "bí mật", so it is not here; "ai" is also "AI").
 */
export const STOPWORDS_VI_FOLDED = new Set(
  `co duoc khong la gi nao the sao nhu cua va cac nhung cho voi vao ra trong khi thi ma nay do kia
  toi ta minh em a nhe hay hoac de ve theo tu den phai nen can da dang se roi
  cung con van rat lam nhieu it mot hai dieu cai o gio muon xin biet
  vui long giup hay oi thua vay neu ha chu nhi day k ko dc`
    .split(/\s+/)
    .filter(Boolean),
);

export const STOPWORDS_EN = new Set(
  `a an the is are was were be been being am do does did can could may might must shall should will
  would i me my we our you your he she it its they them their this that these those what which who whom
  whose when where why how of in on at to for from by with about into onto as or and but if then than
  so not no yes there here any all some please tell us`
    .split(/\s+/)
    .filter(Boolean),
);

export const STOPWORDS_UK = new Set(
  `і й та а але чи що як де коли хто який яка яке які це цей ця ці той та те ті в у на з із зі до від
  для про за по при під над між без я ти ви ми він вона воно вони мене мені нам вам їх його її є був
  була було були буде бути можна треба чи не ні так також лише тільки же б би ж ось скажіть будь ласка`
    .split(/\s+/)
    .filter(Boolean),
);
