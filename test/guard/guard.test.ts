import { describe, expect, it } from 'vitest';
import {
  checkText,
  GUARD_CATEGORIES,
  type GuardCategory,
  OVERRIDABLE_CATEGORIES,
} from '../../src/guard/guard.ts';

const OPTIONS = { maxChars: 1000 };
const nfd = (text: string) => text.normalize('NFD');
const unaccented = (text: string) => nfd(text).replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const GITHUB = `ghp_${'a1B2c3D4e5F6g7H8i9'.repeat(2)}`;
const TELEGRAM = `123456789:AA${'h7'.repeat(16)}x`;
const RSA = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx4f\nq9Zz0lP\n-----END RSA PRIVATE KEY-----';
const OPENSSH = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ';
const PGP = '-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBF0\n-----END PGP PRIVATE KEY BLOCK-----';

/** [category, text, the exact text of the hit]. */
const POSITIVES: Array<[GuardCategory, string, string]> = [
  ['state_secret', 'MẬT', 'MẬT'],
  ['state_secret', 'TỐI MẬT\nSố: 15/BC-VPTW\nBáo cáo tình hình', 'TỐI MẬT'],
  ['state_secret', 'TUYỆT MẬT', 'TUYỆT MẬT'],
  ['state_secret', 'TOI MAT\nBáo cáo tình hình', 'TOI MAT'],
  ['state_secret', 'Báo cáo quý\nTUYET MAT', 'TUYET MAT'],
  ['state_secret', 'M Ậ T', 'M Ậ T'],
  ['state_secret', 'T Ố I  M Ậ T\nKế hoạch', 'T Ố I  M Ậ T'],
  ['state_secret', 'T.U.Y.Ệ.T M.Ậ.T', 'T.U.Y.Ệ.T M.Ậ.T'],
  ['state_secret', 'ĐỘ MẬT: MẬT', 'ĐỘ MẬT: MẬT'],
  ['state_secret', 'Độ mật: Tối mật', 'Độ mật: Tối mật'],
  ['state_secret', 'Độ mật - Mật\nSố: 12/KH', 'Độ mật - Mật'],
  ['state_secret', 'do mat: tuyet mat', 'do mat: tuyet mat'],
  ['state_secret', 'Mức độ mật: Mật', 'Mức độ mật: Mật'],
  ['state_secret', 'Tài liệu (MẬT) gửi kèm', '(MẬT)'],
  ['state_secret', 'Gửi kèm [TỐI MẬT] báo cáo', '[TỐI MẬT]'],
  ['state_secret', 'Phụ lục (Mật)', '(Mật)'],
  ['state_secret', 'Phụ lục 【TUYỆT MẬT】', '【TUYỆT MẬT】'],
  ['state_secret', 'BÍ MẬT NHÀ NƯỚC\nBáo cáo số liệu', 'BÍ MẬT NHÀ NƯỚC'],
  ['state_secret', 'Báo cáo (BÍ MẬT NHÀ NƯỚC)', '(BÍ MẬT NHÀ NƯỚC)'],
  ['state_secret', 'ĐẢNG BỘ TỈNH X\t\tMẬT', 'MẬT'],
  ['state_secret', 'VĂN PHÒNG TRUNG ƯƠNG ĐẢNG      TỐI MẬT', 'TỐI MẬT'],
  ['state_secret', '┌─────┐\n│ MẬT │\n└─────┘', 'MẬT'],
  ['state_secret', '*** TUYỆT MẬT ***', 'TUYỆT MẬT'],
  ['state_secret', 'MẬT - THƯỢNG KHẨN', 'MẬT'],
  ['state_secret', 'HỎA TỐC, TỐI MẬT', 'TỐI MẬT'],
  ['state_secret', 'M\u200BẬT', 'M\u200BẬT'],
  ['state_secret', '   MẬT   \nNội dung', 'MẬT'],
  ['personal_id', 'CCCD: 001099012345', '001099012345'],
  ['personal_id', '001099012345', '001099012345'],
  ['personal_id', 'Thông tin: 096203001234.', '096203001234'],
  ['personal_id', 'số căn cước 079 203 001 234', '079 203 001 234'],
  ['personal_id', 'Căn cước công dân của tôi là 0792.0300.1234', '0792.0300.1234'],
  ['personal_id', 'CCCD 038099-012345', '038099-012345'],
  ['personal_id', 'CCCD: 123456789012', '123456789012'],
  ['personal_id', 'CMND số 123456789', '123456789'],
  ['personal_id', 'chứng minh nhân dân: 123 456 789', '123 456 789'],
  ['personal_id', 'cmt 123456789 cấp ngày 27/11/2015', '123456789'],
  ['personal_id', 'so chung minh thu 123456789', '123456789'],
  ['personal_id', 'CHỨNG MINH THƯ 123456789', '123456789'],
  ['personal_id', 'ID: 123456789', '123456789'],
  ['personal_id', 'Số định danh cá nhân 001099012345', '001099012345'],
  ['personal_id', 'Hộ chiếu số C1234567', 'C1234567'],
  ['phone', 'Gọi 0912345678 nhé', '0912345678'],
  ['phone', '0912 345 678', '0912 345 678'],
  ['phone', 'SĐT: 0912.345.678', '0912.345.678'],
  ['phone', 'ĐT 091-234-5678', '091-234-5678'],
  ['phone', '+84 912 345 678', '+84 912 345 678'],
  ['phone', '+84912345678', '+84912345678'],
  ['phone', '(+84) 912 345 678', '(+84) 912 345 678'],
  ['phone', '0084 912 345 678', '0084 912 345 678'],
  ['phone', 'số 84912345678', '84912345678'],
  ['phone', '+84 (0) 912 345 678', '+84 (0) 912 345 678'],
  ['phone', 'Zalo 0356789012', '0356789012'],
  ['phone', '0567 890 123', '0567 890 123'],
  ['phone', '0701234567', '0701234567'],
  ['phone', 'Viettel 0861 234 567', '0861 234 567'],
  ['phone', 'SĐT:0987654321', '0987654321'],
  ['phone', 'máy bàn 024 3825 1234', '024 3825 1234'],
  ['phone', '028.3822.1234', '028.3822.1234'],
  ['phone', '(024) 3825 1234', '(024) 3825 1234'],
  ['phone', '(0236) 3822 123', '(0236) 3822 123'],
  ['phone', '+84 24 3825 1234', '+84 24 3825 1234'],
  ['phone', 'hotline ngân hàng 0912345678', '0912345678'],
  ['phone', 'hai số 0912345678, 0987654321', '0987654321'],
  ['email', 'email a.b@vpubnd.gov.vn nhé', 'a.b@vpubnd.gov.vn'],
  ['email', 'nguyen.van.a+ai@gmail.com', 'nguyen.van.a+ai@gmail.com'],
  ['email', 'Liên hệ: hỗ_trợ@dangcongsan.vn.', 'hỗ_trợ@dangcongsan.vn'],
  ['email', 'MAIL: VANTHU@VPTW.DCS.VN', 'VANTHU@VPTW.DCS.VN'],
  ['tax_code', 'MST: 0100109106', '0100109106'],
  ['tax_code', 'Mã số thuế 0100109106-001', '0100109106-001'],
  ['tax_code', 'ma so thue: 0312345678', '0312345678'],
  ['tax_code', 'Tax code 0100109106 - 002', '0100109106 - 002'],
  ['tax_code', 'MÃ SỐ THUẾ CÔNG TY: 0312345678', '0312345678'],
  ['bank_account', 'STK: 0011001234567 Vietcombank', '0011001234567'],
  ['bank_account', 'Số tài khoản 1903 6543 2100 18 tại Techcombank', '1903 6543 2100 18'],
  ['bank_account', 'BIDV 12010000123456', '12010000123456'],
  ['bank_account', 'account number 123456789012', '123456789012'],
  ['bank_account', 'Agribank 1500-2050-12345', '1500-2050-12345'],
  ['bank_account', 'STK 0912345678 MB Bank', '0912345678'],
  ['bank_account', 'số TK: 19036543210018', '19036543210018'],
  ['bank_account', '101868123456 (VietinBank)', '101868123456'],
  ['bank_account', 'so tai khoan ngan hang 12345678', '12345678'],
  ['credential', 'mật khẩu: xyz', 'xyz'],
  ['credential', 'MẬT KHẨU: XYZ', 'XYZ'],
  ['credential', 'Mật khẩu email công vụ: Abc@12345', 'Abc@12345'],
  ['credential', 'Mật khẩu của tôi là Hanoi@2025', 'Hanoi@2025'],
  ['credential', 'mat khau la matkhau123', 'matkhau123'],
  ['credential', 'mật khẩu wifi là 12345678', '12345678'],
  ['credential', 'password=hunter2', 'hunter2'],
  ['credential', 'Password: "correctHorse"', 'correctHorse'],
  ['credential', 'pass: Tr0ub4dor&3', 'Tr0ub4dor&3'],
  ['credential', 'mk: 123456', '123456'],
  ['credential', 'OTP: 482913', '482913'],
  ['credential', 'mật khẩu: xyz, tài khoản: admin', 'xyz'],
  ['credential', 'token: 8f14e45fceea167a5a36dedd4bea2543', '8f14e45fceea167a5a36dedd4bea2543'],
  ['credential', 'Authorization: Bearer abcdef0123456789abcdef0123', 'abcdef0123456789abcdef0123'],
  ['credential', 'secret 9b74c9897bac770ffc029102a200c5de', '9b74c9897bac770ffc029102a200c5de'],
  ['credential', 'khóa: dGhpcyBpcyBhIHNlY3JldCAxMjM0NTY3OA==', 'dGhpcyBpcyBhIHNlY3JldCAxMjM0NTY3OA=='],
  ['credential', 'dùng sk-proj-abcdefghijklmnopqrstuvwxyz123 nhé', 'sk-proj-abcdefghijklmnopqrstuvwxyz123'],
  ['credential', `token của tôi ${GITHUB}`, GITHUB],
  ['credential', 'xoxb-1234567890-abcdefghij', 'xoxb-1234567890-abcdefghij'],
  ['credential', 'AKIAIOSFODNN7EXAMPLE', 'AKIAIOSFODNN7EXAMPLE'],
  [
    'credential',
    'api_key = "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY"',
    'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY',
  ],
  ['credential', `bot ${TELEGRAM}`, TELEGRAM],
  ['credential', `JWT ${JWT}`, JWT],
  ['credential', 'https://admin:S3cr3t@db.example.com/x', 'S3cr3t'],
  ['private_key', `Khoá đây:\n${RSA}\ncảm ơn`, RSA],
  ['private_key', OPENSSH, OPENSSH],
  ['private_key', PGP, PGP],
];

/** Questions about secrets, passwords and documents, dates, document numbers, years and prices. */
const NEGATIVES: string[] = [
  // A text the guard redacted before (a stored question shown again) holds only its masks.
  'mật khẩu: [credential], STK [bank_account] BIDV',
  'bảo mật',
  'BẢO MẬT THÔNG TIN',
  'Bảo mật thông tin khi dùng AI thế nào?',
  'mật khẩu là gì?',
  'MẬT KHẨU LÀ GÌ?',
  'bí mật nhà nước là gì?',
  'Bí mật nhà nước là gì?',
  'thông tin mật có được đưa vào AI không?',
  'Tài liệu MẬT có được đưa vào ChatGPT không?',
  'TÀI LIỆU MẬT CÓ ĐƯỢC ĐƯA VÀO AI KHÔNG?',
  'Tài liệu tối mật thì sao?',
  'TỐI MẬT?',
  'TỐI MẬT LÀ GÌ',
  'Mật',
  'mật',
  'Có mấy độ mật?',
  'Độ mật của văn bản do ai xác định?',
  'Có 3 độ mật:\n- Tuyệt mật\n- Tối mật\n- Mật\nđúng không?',
  'thông tin (mật) là gì',
  'Dấu "MẬT" đóng ở đâu?',
  'Luật Bảo vệ bí mật nhà nước 2018 quy định gì?',
  'Tôi có được đưa tài liệu thuộc bí mật nhà nước vào ChatGPT hay các nền tảng AI công cộng không?',
  'KHẨN',
  'THƯỢNG KHẨN',
  'HỎA TỐC',
  'KHẨN - HỎA TỐC',
  'MẶT TRẬN TỔ QUỐC VIỆT NAM',
  'MẶT',
  'MẤT',
  'MẬT ONG',
  'MẬT MÃ',
  'Mật ong rừng',
  'Tôi mất mật khẩu rồi',
  'toi mat mat khau email roi',
  'TOI MAT MAT KHAU',
  'Mật khẩu phải có ít nhất 8 ký tự',
  'mật khẩu tối thiểu là 8 ký tự',
  'Mật khẩu: 8 ký tự',
  'Có được dùng trùng mật khẩu email công vụ cho tài khoản chatbot AI không?',
  'Theo Công văn 557, có được dùng trùng mật khẩu email công vụ cho tài khoản chatbot AI không?',
  'Mật khẩu: không được dùng chung',
  'mật khẩu: mạnh',
  'Quy định về mật khẩu: có được dùng chung không?',
  'mật khẩu mạnh là gì? ví dụ: abc',
  'password is required',
  'password: ********',
  'password: at least 12 characters',
  'token là gì?',
  'API key là gì và lưu ở đâu?',
  'secret key: xem hướng dẫn',
  'Khóa bí mật là gì?',
  'eyJ là gì',
  'Giới hạn token là 4096',
  'token: 4096',
  'Số token tối đa là 128000?',
  'Kết quả pass: đạt',
  'Tôi đã pass bài kiểm tra',
  'Hội nghị 9-12/9/2025',
  'thời gian 08:30-11:30',
  'tổng đài 1900 1234',
  'hơn 430 cán bộ từ 46 tổ chức đảng',
  'Bản số 03',
  'ngày 27/11/2025',
  'từ 9/9/2025 đến 12/9/2025',
  'ngày 10.12.2025',
  'Công văn 557/BKHCN-CĐSQG ngày 31/3/2025',
  'Thông báo kết luận số 43-TB/TGV',
  'Luật số 134/2025/QH15',
  'Nghị định 13/2023/NĐ-CP',
  'Kế hoạch 169-KH/VPTW, Công văn 407-CV/ĐU',
  'Nghị quyết 57-NQ/TW ngày 22/12/2024',
  'giai đoạn 2025-2030',
  'giai đoạn 2021 - 2025',
  'năm 2025',
  'Quyết định 1234567/QĐ',
  'giá 1.500.000 đồng',
  '15.000.000đ',
  '2,5 triệu',
  '0,5%',
  'tài khoản ngân hàng có 15.000.000 đồng',
  'số dư tài khoản 15 000 000 đ',
  'Kế hoạch tài khoản 2025-2030',
  'Tài khoản AI được cấp năm 2025',
  'gần 4.000 điểm cầu, 3.032 người tham dự',
  'số 0912',
  '0612345678',
  '01234567890',
  'số 0912345678901',
  '123456789',
  'Mã hồ sơ 123456789',
  'mã đơn hàng 123456789012',
  'id 123456789',
  'CCCD có mấy số?',
  'CCCD gồm 12 chữ số, CMND gồm 9 chữ số',
  'MST là gì?',
  'MST: 12345',
  '0100109106',
  '@username',
  'a@b',
  'user@localhost',
  'email công vụ là gì?',
  'Quốc hiệu CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM viết thế nào?',
  'Kính gửi anh chị, cho hỏi Công văn số: 557/BKHCN-CĐSQG nói gì?',
  'ĐẢNG CỘNG SẢN VIỆT NAM ban hành hướng dẫn nào về AI?',
  'Чи можна вводити державну таємницю в ChatGPT?',
];

describe('checkText: positives', () => {
  const rows = POSITIVES.flatMap(([category, text, secret]) => {
    const forms: Array<[string, string, string]> = [['NFC', text, secret]];
    if (nfd(text) !== text) forms.push(['NFD', nfd(text), nfd(secret)]);
    if (unaccented(text) !== text) forms.push(['unaccented', unaccented(text), unaccented(secret)]);
    return forms.map(([form, input, hit]) => [category, form, input, hit] as const);
  });

  it.each(rows)('%s (%s): %j', (category, _form, input, secret) => {
    const result = checkText(input, OPTIONS);
    const hit = result.hits.find((h) => h.category === category && input.slice(h.start, h.end) === secret);
    expect(hit, JSON.stringify(result.hits)).toBeDefined();
    expect(result.blocked).toBe(true);
    expect(result.categories).toContain(category);
    expect(result.redacted).toContain(`[${category}]`);
    expect(result.redacted).not.toContain(secret);
    if (result.hits.length === 1) expect(result.redacted).toBe(input.replace(secret, `[${category}]`));
  });
});

describe('checkText: hard negatives', () => {
  const rows = NEGATIVES.flatMap((text) => (nfd(text) === text ? [text] : [text, nfd(text)]));

  it.each(rows)('passes %j', (text) => {
    const result = checkText(text, OPTIONS);
    expect(result.hits).toEqual([]);
    expect(result).toMatchObject({ blocked: false, categories: [], redacted: text, overridable: false });
  });
});

describe('checkText: offsets', () => {
  const prefix = 'Số điện thoại của tôi: ';
  it.each([
    ['Gọi 0912 345 678 nhé', 'phone', 4, 16],
    [`${prefix}0912345678`, 'phone', prefix.length, prefix.length + 10],
    [nfd(`${prefix}0912345678`), 'phone', nfd(prefix).length, nfd(prefix).length + 10],
    ['ĐỘ MẬT: MẬT\nnội dung', 'state_secret', 0, 11],
    [nfd('ĐỘ MẬT: MẬT\nnội dung'), 'state_secret', 0, nfd('ĐỘ MẬT: MẬT').length],
    ['Mật khẩu: Abc@123.', 'credential', 10, 17],
    ['x\nMẬT\ny', 'state_secret', 2, 5],
    ['MA\u0323\u0302T', 'state_secret', 0, 5],
  ] as const)('%j: %s at [%i, %i)', (text, category, start, end) => {
    expect(checkText(text, OPTIONS).hits).toEqual([{ category, start, end }]);
  });

  it('reports several hits in order, each with its own offsets', () => {
    const text = 'CCCD 001099012345, SĐT 0912345678, email a@b.vn, MST: 0100109106';
    const { hits, redacted } = checkText(text, OPTIONS);
    expect(hits.map((h) => [h.category, text.slice(h.start, h.end)])).toEqual([
      ['personal_id', '001099012345'],
      ['phone', '0912345678'],
      ['email', 'a@b.vn'],
      ['tax_code', '0100109106'],
    ]);
    expect(redacted).toBe('CCCD [personal_id], SĐT [phone], email [email], MST: [tax_code]');
  });

  it('gives one hit per overlap, preferring the contextual and stricter category', () => {
    expect(checkText('MST 0312345678', OPTIONS).categories).toEqual(['tax_code']);
    expect(checkText('STK 0912345678', OPTIONS).categories).toEqual(['bank_account']);
    expect(checkText('STK 001099012345', OPTIONS).categories).toEqual(['bank_account']);
    expect(checkText('password: a@b.vn', OPTIONS).categories).toEqual(['credential']);
  });
});

describe('checkText: overridable', () => {
  it.each([
    ['Hotline văn phòng 024 3825 1234', true],
    ['Hộp thư vanthu@vptw.dcs.vn', true],
    ['Gọi 0912345678 hoặc gửi a@b.vn', true],
    ['Gọi 0912345678, CCCD 001099012345', false],
    ['MẬT\nGọi 0912345678', false],
    ['CMND số 123456789', false],
    ['MST: 0100109106', false],
    ['STK 0011001234567 Vietcombank', false],
    ['mật khẩu: Abc@123', false],
    [RSA, false],
    ['x'.repeat(1001), false],
    ['Hướng dẫn sử dụng AI do cơ quan nào ban hành?', false],
  ] as const)('%j → %s', (text, overridable) => {
    const result = checkText(text, OPTIONS);
    expect(result.overridable).toBe(overridable);
    if (overridable) expect(result.categories.every((c) => OVERRIDABLE_CATEGORIES.includes(c))).toBe(true);
  });
});

describe('checkText: allowed', () => {
  it.each([
    ['Hotline 0912345678', ['phone'], false, 'Hotline [phone]'],
    ['Hotline 0912345678, hộp thư a@b.vn', ['phone'], true, 'Hotline [phone], hộp thư [email]'],
    ['Hotline 0912345678, hộp thư a@b.vn', ['phone', 'email'], false, 'Hotline [phone], hộp thư [email]'],
    ['Hotline 0912345678, CCCD 001099012345', ['phone'], true, 'Hotline [phone], CCCD [personal_id]'],
    ['MẬT', ['state_secret'], true, '[state_secret]'],
    ['mật khẩu: Abc@123', ['credential'], true, 'mật khẩu: [credential]'],
    ['CMND 123456789', ['personal_id', 'phone'], true, 'CMND [personal_id]'],
    ['Câu hỏi thường', ['phone'], false, 'Câu hỏi thường'],
  ] as const)('%j allowing %j → blocked %s', (text, allowed, blocked, redacted) => {
    const result = checkText(text, { ...OPTIONS, allowed: [...allowed] });
    expect(result.blocked).toBe(blocked);
    expect(result.redacted).toBe(redacted);
  });

  it('still lists allowed hits and their categories', () => {
    const result = checkText('Hotline 0912345678', { ...OPTIONS, allowed: ['phone'] });
    expect(result.categories).toEqual(['phone']);
    expect(result.hits).toEqual([{ category: 'phone', start: 8, end: 18 }]);
    expect(result.overridable).toBe(true);
  });
});

const OFFICIAL = [
  'ĐẢNG CỘNG SẢN VIỆT NAM\nSố: 12-BC/VPTW\nKính gửi: Các đồng chí Thường trực',
  'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: …/QĐ-UBND\nV/v triển khai',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKính gửi: Sở Khoa học và Công nghệ',
  'BAN CHẤP HÀNH TRUNG ƯƠNG      ĐẢNG CỘNG SẢN VIỆT NAM\n   Số 12-TB/TW\nKính gửi các ban đảng',
  'Số: 43/BC-VP\nKính gửi: Thường trực Tỉnh ủy\nNội dung...\nNơi nhận:\n- Như trên',
];

describe('checkText: pasted documents', () => {
  it.each(OFFICIAL.flatMap((text) => [text, nfd(text), unaccented(text)]))('recognises %j', (text) => {
    const result = checkText(text, OPTIONS);
    expect(result.hits[0]).toEqual({ category: 'pasted_document', start: 0, end: text.length });
    expect(result).toMatchObject({ blocked: true, overridable: false });
    expect(result.redacted).toMatch(/ \[pasted_document: \d+ characters\]$/);
  });

  it('treats any text longer than maxChars as pasted, counting characters after NFC', () => {
    const text = 'Báo cáo tình hình. '.repeat(10);
    expect(checkText(text, { maxChars: text.length }).blocked).toBe(false);
    expect(checkText(nfd(text), { maxChars: text.length }).blocked).toBe(false);
    expect(checkText(text, { maxChars: text.length - 1 }).categories).toEqual(['pasted_document']);
  });

  it('keeps the first 200 characters, redacted, and says how long the paste was', () => {
    const head = `Gọi 0912345678. ${'Nội dung báo cáo. '.repeat(20)}`;
    const text = `${head}CCCD 001099012345 ở cuối.`;
    const result = checkText(text, { maxChars: 100 });
    expect(result.categories).toEqual(['personal_id', 'phone', 'pasted_document']);
    expect(result.redacted).toBe(
      `Gọi [phone]. ${head.slice(16, 200)}… [pasted_document: ${text.length} characters]`,
    );
    expect(result.redacted).not.toContain('001099012345');
  });

  it('replaces a hit that straddles the cut instead of cutting it in half', () => {
    const text = `${'a'.repeat(195)} 0912345678 ${'b'.repeat(100)}`;
    const { redacted } = checkText(text, { maxChars: 100 });
    expect(redacted).toBe(`${'a'.repeat(195)} [phone]… [pasted_document: 307 characters]`);
  });

  it('keeps a short official document whole, with the marker', () => {
    const text = OFFICIAL[0] ?? '';
    expect(checkText(text, OPTIONS).redacted).toBe(`${text} [pasted_document: ${text.length} characters]`);
  });
});

describe('GUARD_CATEGORIES', () => {
  it('lists every category once, and only phone and email are overridable', () => {
    expect(new Set(GUARD_CATEGORIES).size).toBe(9);
    expect([...GUARD_CATEGORIES].sort()).toEqual(
      [
        'bank_account',
        'credential',
        'email',
        'pasted_document',
        'personal_id',
        'phone',
        'private_key',
        'state_secret',
        'tax_code',
      ].sort(),
    );
    expect([...OVERRIDABLE_CATEGORIES].sort()).toEqual(['email', 'phone']);
    for (const [category] of POSITIVES) expect(GUARD_CATEGORIES).toContain(category);
  });
});

describe('checkText: no catastrophic backtracking', () => {
  // Each of these took seconds to minutes with one unanchored pattern; a linear scan takes milliseconds.
  it.each([
    ['letters', 'a'.repeat(100_000)],
    ['digits and dashes', '1-'.repeat(25_000)],
    ['stamp lines', 'MẬT\n'.repeat(12_500)],
    ['spaces around a stamp', `${' '.repeat(25_000)}MẬT${' '.repeat(25_000)}x`],
    ['e-mail-like', `a@${'ab.'.repeat(16_000)}`],
    ['credential words', 'mật khẩu: '.repeat(5_000)],
  ])('%s', (_name, text) => {
    const started = performance.now();
    checkText(text, OPTIONS);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
