-- One row per publication period (report_period) and each quarter of the series up to 15
-- quarters before it: quarters_back = 0 for the report's own quarter. Part B tables keep the
-- rows with quarters_back < their window (B01 12 quarters, B05 10, others 13).
with final as (
    select
        report.period as report_period,
        report.quarter_end as report_quarter_end,
        report.financial_year as report_financial_year,
        shown.period,
        shown.quarter_end,
        shown.fy_start,
        report.quarter_index - shown.quarter_index as quarters_back
    from int_quarter_windows as report
    join int_quarter_windows as shown
        on shown.quarter_index between report.quarter_index - 15 and report.quarter_index
)
select * from final
