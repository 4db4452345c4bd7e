-- share_rounding: a list of shares rounded so that they add up to exactly 100%: one share misses its own
-- rounding by less than a unit of its last digit ("11 / 34 = 32,35%, văn bản ghi 32,36%" while the seven
-- shares of the list add up to 100,00%). Not an arithmetic error, but the share as written is not part / whole.
-- The arithmetic is view share_arithmetic (warehouse/views/).
select 'share_rounding' as check_id, 'info' as severity, doc_id, null::integer as other_doc_id,
       figure_ids,
       format('{} / {} = {}%, văn bản ghi {}: làm tròn để tổng các tỷ lệ bằng 100% — «…{}…»', part_raw, whole_raw,
              round(100 * part_value / whole_value, share_decimals + 1), share_raw, quote) as message
from share_arithmetic
where not fits and rounded_to_100
