-- National rules from LEGAL.md §2.7, §4, §6 and §7, each with the date it took effect and
-- how sure we are of it. A case keeps the version in force on the day it was opened.
INSERT INTO legal_rule (commune_id, rule_key, value, unit, effective_from, legal_basis, confidence) VALUES
(0, 'disclosure.publish_after_decision', '5', 'working_days', '2023-07-01', 'Luật THDCCS 10/2022/QH15, Điều 12(3)', 'V'),
(0, 'disclosure.posting_min', '30', 'days', '2023-07-01', 'Luật THDCCS 10/2022/QH15, Điều 12', 'V'),
(0, 'disclosure.radio_min', '3', 'days', '2023-07-01', 'Luật THDCCS 10/2022/QH15, Điều 12', 'V'),
(0, 'consultation.window_min', '20', 'days', '2023-07-01', 'Luật THDCCS 10/2022/QH15, Điều 27', 'V'),
(0, 'supervision.answer_max', '15', 'days', '2023-07-01', 'Luật THDCCS 10/2022/QH15; NĐ 59/2023', 'V'),
(0, 'feedback.answer_max', '10', 'working_days', '2014-07-01', 'Luật Tiếp công dân 42/2013/QH13, Điều 28(1)', 'V'),
(0, 'complaint.acceptance_max', '10', 'working_days', '2012-07-01', 'Luật Khiếu nại 02/2011/QH13, Điều 27', 'V'),
(0, 'complaint.acceptance_max', '7', 'working_days', '2026-07-01', 'NĐ 155/2026/NĐ-CP sửa NĐ 124/2020, Điều 16(1)', 'S'),
(0, 'denunciation.initial_handling_max', '7', 'working_days', '2019-01-01', 'Luật Tố cáo 25/2018/QH14, Điều 24(1)', 'V'),
(0, 'one_stop.same_day_cutoff', '15:00', 'text', '2025-07-01', 'NĐ 118/2025/NĐ-CP', 'S'),
(0, 'reception.schedule_notice_min', '5', 'working_days', '2014-07-01', 'Luật Tiếp công dân 42/2013/QH13, Điều 24', 'V'),
(0, 'report.level_above', 'district', 'text', '2020-01-01', 'Luật Tổ chức chính quyền địa phương 2015', 'V'),
(0, 'report.level_above', 'province', 'text', '2025-07-01', 'Luật 72/2025/QH15, Điều 51(3)', 'S');
