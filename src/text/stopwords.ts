/**
 * Function words that carry no topic. They are ignored when judging whether the guidelines cover a
 * question, and left out of full-text queries, because they match almost every passage. Words that ask
 * "how many" (mấy, bao nhiêu, how many, скільки) are function words too: whether a passage states the count
 * is judged by the kinds of asked detail (src/answer/asked-detail.ts), and as topic words they only matched
 * the gaps list's "how many levels", escalating questions about dates and durations.
 */

/** Vietnamese, with tone marks (checked against the NFC lower-case word). */
export const STOPWORDS_VI = new Set(
  `có được không là gì nào thế sao như của và các những cho với vào ra trong khi thì mà này đó kia
  tôi chúng ta mình bạn anh chị em ạ nhé hay hoặc để về theo từ đến phải nên cần đã đang sẽ rồi
  cũng còn vẫn rất lắm nhiều ít một hai một việc điều cái ở tại bao giờ đâu làm sao
  muốn xin hỏi cho biết vui lòng giúp hãy ơi thưa vậy nếu thì là hả chứ nhỉ đấy
  mấy nhiêu`
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

/** A common English list (articles, pronouns, auxiliaries, prepositions, question and filler words). */
export const STOPWORDS_EN = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
  between both but by can could did do does doing down during each else even ever few for from further get
  gets got had has have having he her here hers herself him himself his how however i if im in into is it
  its itself ive just let like likes me more most much must my myself no nor not now of off on once only or
  other others our ours ourselves out over own please really same shall she should so some still such tell
  than that the their theirs them themselves then there these they this those through to too under until
  up us very was we were what when where whether which while who whom whose why will with would yes you
  your yours yourself yourselves id ill youre dont doesnt isnt arent cant wont thing things something
  anything way ways kind sort lot lots okay ok hi hello thanks thank many explain`
    .split(/\s+/)
    .filter(Boolean),
);

export const STOPWORDS_UK = new Set(
  `і й та а але чи що як де коли хто який яка яке які це цей ця ці той та те ті в у на з із зі до від
  для про за по при під над між без я ти ви ми він вона воно вони мене мені нам вам їх його її є був
  була було були буде бути можна треба чи не ні так також лише тільки же б би ж ось скажіть будь ласка
  скільки може можуть свій своя своє свої свого своєї своїх своїм свою мій моя моє мої наш наша наше наші ваш ваша ваше ваші`
    .split(/\s+/)
    .filter(Boolean),
);
