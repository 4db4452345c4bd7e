-- share_mismatch: a share of a whole ("Quản lý nhà nước: 03 ứng viên (chiếm 4,28% tổng số ...)") that no
-- rounding of part / whole gives: 3 / 70 = 4,2857%, which rounds to 4,29%. The whole is the one the text
-- states, or the sum of the parts when the shares of one list cover 100%.
-- A whole number of a counted unit (ứng viên, hồ sơ) is exact; amounts in measured units (rules/checks.yaml
-- shares.measured_units) stand for their rounding interval. A list whose stated shares add up to exactly
-- 100% while a share misses its rounding by less than a last-digit unit was rounded to make 100%: that case
-- is check share_rounding, not this one. The arithmetic is view share_arithmetic (warehouse/views/).
select 'share_mismatch' as check_id, 'error' as severity, doc_id, null::integer as other_doc_id,
       figure_ids,
       format('{} / {} = {}%, văn bản ghi {} — «…{}…»', part_raw, whole_raw,
              round(100 * part_value / whole_value, share_decimals + 1), share_raw, quote) as message
from share_arithmetic
where not fits and not rounded_to_100
