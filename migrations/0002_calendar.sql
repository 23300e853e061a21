-- 0002_calendar.sql: the legal calendar's data (src/domain/calendar). Public holidays are rows
-- with a validity period, never constants in code, so a new Labour Code is a new row and a case
-- opened under the old one can keep it (LegalCalendar::ForRulesInForceOn).
-- Portable SQL: runs unchanged on SQLite (3.9+) and PostgreSQL. Dates are TEXT 'YYYY-MM-DD',
-- which sorts and compares correctly as text. No foreign keys: communes live in another file.

-- One version of one public holiday (struct xaso::calendar::HolidayRule).
--   kind: 'solar_day' (anchor_month/anchor_day of the Gregorian year), 'lunar_day' (of the lunar
--   year, never the leap month) or 'tet_block' (mùng 1 Tết; anchor stored as 1/1).
--   The holiday is length_days days starting days_before days before the anchor, in each year
--   whose anchor lies in [effective_from, effective_to] (effective_to NULL = still in force).
--   confidence: 'V' legal text read, 'S' secondary source, 'M' from memory, 'I' inferred default
--   where the law lets the Prime Minister choose the days (the yearly choice goes into
--   calendar_override).
--   compensate_on_rest_day: 1 if a day on Saturday/Sunday is given back on the next working day.
CREATE TABLE holiday_rule (
  id BIGINT PRIMARY KEY,
  commune_id BIGINT NULL,  -- NULL = national rule; reserved for local rules.
  rule_key TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('solar_day', 'lunar_day', 'tet_block')),
  anchor_month INTEGER NOT NULL CHECK (anchor_month BETWEEN 1 AND 12),
  anchor_day INTEGER NOT NULL CHECK (anchor_day BETWEEN 1 AND 31),
  length_days INTEGER NOT NULL CHECK (length_days BETWEEN 1 AND 31),
  days_before INTEGER NOT NULL DEFAULT 0 CHECK (days_before BETWEEN 0 AND 31),
  effective_from TEXT NOT NULL CHECK (length(effective_from) = 10),
  effective_to TEXT NULL CHECK (effective_to IS NULL OR
                                (length(effective_to) = 10 AND effective_to >= effective_from)),
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  legal_basis TEXT NOT NULL DEFAULT '',
  confidence TEXT NOT NULL CHECK (confidence IN ('V', 'S', 'M', 'I')),
  compensate_on_rest_day INTEGER NOT NULL DEFAULT 1 CHECK (compensate_on_rest_day IN (0, 1))
);

-- One version per holiday, scope and start date. COALESCE because UNIQUE treats NULLs as
-- distinct in both databases, which would let national rows repeat.
CREATE UNIQUE INDEX holiday_rule_version ON holiday_rule (COALESCE(commune_id, 0), rule_key, effective_from);

-- A day declared different from the rules (struct xaso::calendar::CalendarOverride): an extra
-- day off or a working day swapped for a bridge day. commune_id 0 = national (the Prime
-- Minister's yearly announcement); another id = a commune's own decision, editable by its
-- administrator. Not NULL, so the primary key works the same in both databases.
CREATE TABLE calendar_override (
  commune_id BIGINT NOT NULL DEFAULT 0,
  day TEXT NOT NULL CHECK (length(day) = 10),
  kind TEXT NOT NULL CHECK (kind IN ('day_off', 'working_day')),
  name_vi TEXT NOT NULL,
  legal_basis TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (commune_id, day)
);

-- National rules. Ids: 1xx Bộ luật Lao động 1994 (in force 01/01/1995; Hùng Kings added by the
-- 2007 amendment), 2xx Bộ luật Lao động 2012 (in force 01/05/2013), 3xx Bộ luật Lao động 2019
-- (in force 01/01/2021; its Art 112(1) read in secondary copies, so 'S'), 4xx later laws.
-- Nothing is seeded before 1995: the rules of 1990-1994 were not checked, so the calendar has
-- only weekends then. One row per line (the unit tests read these lines).
-- 401, Ngày Văn hóa Việt Nam (24/11): chosen by Nghị quyết 80-NQ/TW of the Politburo
-- (07/01/2026, widely reported); made a paid day off by Nghị quyết 28/2026/QH16 Art 2, in force
-- 01/07/2026, per one secondary source that quotes the text. Not compensated on a weekend
-- because it is outside Labour Code Art 112(1), which Art 111(3) refers to: an inference ('I'
-- for that column alone); change compensate_on_rest_day if the Labour Code is amended.
-- Tết and Quốc khánh splits marked 'I' are the defaults: last day of the old lunar year + mùng
-- 1-4, and 01/9 + 02/9; the Prime Minister fixes the real days each year (calendar_override).
INSERT INTO holiday_rule (id, commune_id, rule_key, kind, anchor_month, anchor_day, length_days, days_before, effective_from, effective_to, name_vi, name_en, legal_basis, confidence, compensate_on_rest_day) VALUES
  (101, NULL, 'tet_duong_lich', 'solar_day', 1, 1, 1, 0, '1995-01-01', '2013-04-30', 'Tết Dương lịch', 'New Year''s Day', 'Bộ luật Lao động 1994, Điều 73', 'S', 1),
  (102, NULL, 'tet_nguyen_dan', 'tet_block', 1, 1, 4, 1, '1995-01-01', '2013-04-30', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Bộ luật Lao động 1994, Điều 73 (một ngày cuối năm và ba ngày đầu năm âm lịch)', 'M', 1),
  (103, NULL, 'gio_to_hung_vuong', 'lunar_day', 3, 10, 1, 0, '2007-04-02', '2013-04-30', 'Giỗ Tổ Hùng Vương', 'Hung Kings Commemoration Day', 'Luật 84/2007/QH11 sửa đổi, bổ sung Điều 73 Bộ luật Lao động 1994', 'M', 1),
  (104, NULL, 'ngay_chien_thang', 'solar_day', 4, 30, 1, 0, '1995-01-01', '2013-04-30', 'Ngày Chiến thắng', 'Reunification Day', 'Bộ luật Lao động 1994, Điều 73', 'S', 1),
  (105, NULL, 'quoc_te_lao_dong', 'solar_day', 5, 1, 1, 0, '1995-01-01', '2013-04-30', 'Ngày Quốc tế Lao động', 'International Workers'' Day', 'Bộ luật Lao động 1994, Điều 73', 'S', 1),
  (106, NULL, 'quoc_khanh', 'solar_day', 9, 2, 1, 0, '1995-01-01', '2013-04-30', 'Quốc khánh', 'National Day', 'Bộ luật Lao động 1994, Điều 73', 'S', 1),
  (201, NULL, 'tet_duong_lich', 'solar_day', 1, 1, 1, 0, '2013-05-01', '2020-12-31', 'Tết Dương lịch', 'New Year''s Day', 'Bộ luật Lao động 2012 (10/2012/QH13), Điều 115', 'M', 1),
  (202, NULL, 'tet_nguyen_dan', 'tet_block', 1, 1, 5, 1, '2013-05-01', '2020-12-31', 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Bộ luật Lao động 2012 (10/2012/QH13), Điều 115', 'I', 1),
  (203, NULL, 'gio_to_hung_vuong', 'lunar_day', 3, 10, 1, 0, '2013-05-01', '2020-12-31', 'Giỗ Tổ Hùng Vương', 'Hung Kings Commemoration Day', 'Bộ luật Lao động 2012 (10/2012/QH13), Điều 115', 'M', 1),
  (204, NULL, 'ngay_chien_thang', 'solar_day', 4, 30, 1, 0, '2013-05-01', '2020-12-31', 'Ngày Chiến thắng', 'Reunification Day', 'Bộ luật Lao động 2012 (10/2012/QH13), Điều 115', 'M', 1),
  (205, NULL, 'quoc_te_lao_dong', 'solar_day', 5, 1, 1, 0, '2013-05-01', '2020-12-31', 'Ngày Quốc tế Lao động', 'International Workers'' Day', 'Bộ luật Lao động 2012 (10/2012/QH13), Điều 115', 'M', 1),
  (206, NULL, 'quoc_khanh', 'solar_day', 9, 2, 1, 0, '2013-05-01', '2020-12-31', 'Quốc khánh', 'National Day', 'Bộ luật Lao động 2012 (10/2012/QH13), Điều 115', 'M', 1),
  (301, NULL, 'tet_duong_lich', 'solar_day', 1, 1, 1, 0, '2021-01-01', NULL, 'Tết Dương lịch', 'New Year''s Day', 'Bộ luật Lao động 2019 (45/2019/QH14), Điều 112 khoản 1 điểm a', 'S', 1),
  (302, NULL, 'tet_nguyen_dan', 'tet_block', 1, 1, 5, 1, '2021-01-01', NULL, 'Tết Nguyên đán', 'Lunar New Year (Tết)', 'Bộ luật Lao động 2019 (45/2019/QH14), Điều 112 khoản 1 điểm b', 'I', 1),
  (303, NULL, 'gio_to_hung_vuong', 'lunar_day', 3, 10, 1, 0, '2021-01-01', NULL, 'Giỗ Tổ Hùng Vương', 'Hung Kings Commemoration Day', 'Bộ luật Lao động 2019 (45/2019/QH14), Điều 112 khoản 1 điểm e', 'S', 1),
  (304, NULL, 'ngay_chien_thang', 'solar_day', 4, 30, 1, 0, '2021-01-01', NULL, 'Ngày Chiến thắng', 'Reunification Day', 'Bộ luật Lao động 2019 (45/2019/QH14), Điều 112 khoản 1 điểm c', 'S', 1),
  (305, NULL, 'quoc_te_lao_dong', 'solar_day', 5, 1, 1, 0, '2021-01-01', NULL, 'Ngày Quốc tế Lao động', 'International Workers'' Day', 'Bộ luật Lao động 2019 (45/2019/QH14), Điều 112 khoản 1 điểm d', 'S', 1),
  (306, NULL, 'quoc_khanh', 'solar_day', 9, 2, 2, 1, '2021-01-01', NULL, 'Quốc khánh', 'National Day', 'Bộ luật Lao động 2019 (45/2019/QH14), Điều 112 khoản 1 điểm đ', 'I', 1),
  (401, NULL, 'ngay_van_hoa_viet_nam', 'solar_day', 11, 24, 1, 0, '2026-07-01', NULL, 'Ngày Văn hóa Việt Nam', 'Vietnamese Culture Day', 'Nghị quyết 28/2026/QH16, Điều 2', 'S', 0);

-- National overrides: only announcements confirmed by a published source.
--   2020 Tết: civil servants off Thu 23/01 - Wed 29/01/2020 (29 Chạp Kỷ Hợi - mùng 5 Canh Tý);
--     source: socongthuong.daklak.gov.vn news of 07/01/2020. The rules give 24-28/01 plus
--     compensation 29/01 and 30/01, so 23/01 is added and 30/01 worked.
--   2021 Quốc khánh: off Thu 02/9 - Sun 05/9/2021, the adjacent day being 03/9; Văn bản
--     9895/VPCP-KGVX of 27/11/2020 (luatvietnam.vn). The default rule gives 01/9 instead.
--   2023 Tết: off Fri 20/01 - Thu 26/01/2023 (pld.net.vn). The rules give 21-25/01 plus
--     compensation 26/01 and 27/01, so 20/01 is added and 27/01 worked.
--   2024 Tết: off Thu 08/02 - Wed 14/02/2024 (29 Chạp Quý Mão - mùng 5 Giáp Thìn); Văn bản
--     8662/VPCP-KGVX of 03/11/2023 (th389.vn, xaydungtoday.vn). The rules give 09-13/02 plus
--     compensation 14/02 and 15/02, so 08/02 is added and 15/02 worked.
--   2025 Tết: off Sat 25/01 - Sun 02/02/2025 (26 Chạp Giáp Thìn - mùng 5 Ất Tỵ), the five Tết
--     days being Mon 27 - Fri 31/01; Văn bản 8726/VPCP-KGVX of 26/11/2024 (pld.net.vn,
--     licham.prices.vn), Thông báo 6150/TB-BLĐTBXH of 03/12/2024. The rules give 28/01 - 01/02
--     plus compensation 03/02, so 27/01 is added and 03/02 worked.
--   2025 30/4-1/5: five days 30/4 - 04/5 (baophapluat.vn) by swapping Fri 02/5 with Sat 26/4
--     (Thông báo 6150/TB-BLĐTBXH as quoted by a secondary source; the Saturday is not in the
--     news pages found).
-- Announcements that match the rules need no row (e.g. Quốc khánh 2024: 31/8 - 03/9; Tết 2026:
-- 14/02 - 22/02).
INSERT INTO calendar_override (commune_id, day, kind, name_vi, legal_basis) VALUES
  (0, '2020-01-23', 'day_off', 'Nghỉ Tết Nguyên đán Canh Tý (29 tháng Chạp)', 'Thông báo nghỉ Tết Âm lịch 2020 theo ý kiến Thủ tướng Chính phủ'),
  (0, '2020-01-30', 'working_day', 'Đi làm: nghỉ bù Tết Canh Tý chuyển lên ngày 23/01/2020', 'Thông báo nghỉ Tết Âm lịch 2020 theo ý kiến Thủ tướng Chính phủ'),
  (0, '2021-09-01', 'working_day', 'Đi làm: ngày nghỉ liền kề Quốc khánh 2021 là 03/9', 'Văn bản 9895/VPCP-KGVX ngày 27/11/2020'),
  (0, '2021-09-03', 'day_off', 'Nghỉ lễ Quốc khánh (ngày liền kề sau 02/9)', 'Văn bản 9895/VPCP-KGVX ngày 27/11/2020'),
  (0, '2023-01-20', 'day_off', 'Nghỉ Tết Nguyên đán Quý Mão (29 tháng Chạp)', 'Ý kiến Phó Thủ tướng Vũ Đức Đam về nghỉ Tết Âm lịch 2023'),
  (0, '2023-01-27', 'working_day', 'Đi làm: nghỉ bù Tết Quý Mão chuyển lên ngày 20/01/2023', 'Ý kiến Phó Thủ tướng Vũ Đức Đam về nghỉ Tết Âm lịch 2023'),
  (0, '2024-02-08', 'day_off', 'Nghỉ Tết Nguyên đán Giáp Thìn (29 tháng Chạp)', 'Văn bản 8662/VPCP-KGVX ngày 03/11/2023'),
  (0, '2024-02-15', 'working_day', 'Đi làm: nghỉ bù Tết Giáp Thìn chuyển lên ngày 08/02/2024', 'Văn bản 8662/VPCP-KGVX ngày 03/11/2023'),
  (0, '2025-01-27', 'day_off', 'Nghỉ Tết Nguyên đán Ất Tỵ (28 tháng Chạp)', 'Văn bản 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024'),
  (0, '2025-02-03', 'working_day', 'Đi làm: nghỉ bù Tết Ất Tỵ chuyển lên ngày 27/01/2025', 'Văn bản 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024'),
  (0, '2025-04-26', 'working_day', 'Làm bù cho ngày nghỉ thứ Sáu 02/5/2025', 'Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024'),
  (0, '2025-05-02', 'day_off', 'Nghỉ hoán đổi dịp 30/4 - 01/5 (làm bù thứ Bảy 26/4/2025)', 'Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024');
