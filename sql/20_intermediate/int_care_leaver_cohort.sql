-- One row per quarter and care leaver whose 19th, 20th or 21st birthday (DOB from
-- care_leavers; 29 Feb -> 28 Feb) falls in YTD [S, E], with their status: the latest contact
-- with CONTACT_DATE in [birthday - 3 months, birthday + 1 month] and <= E (NULL: not recorded).
with care_leavers as (
    select child, min(dob) as dob
    from stg_care_leavers
    where dob is not null
    group by child
),
birthdays_19_to_21 as (
    select
        care_leavers.child,
        ages.age_reached,
        birthday_at_age(care_leavers.dob, ages.age_reached) as birthday
    from care_leavers
    cross join (values (19), (20), (21)) as ages(age_reached)
),
birthdays as (  -- each birthday worked out once, then a range join to the windows
    select
        windows.period,
        windows.quarter_end,
        birthdays_19_to_21.child,
        birthdays_19_to_21.age_reached,
        birthdays_19_to_21.birthday
    from int_quarter_windows as windows
    join birthdays_19_to_21
        on birthdays_19_to_21.birthday between windows.fy_start and windows.quarter_end
),
contacts_in_window as (
    select
        birthdays.period,
        birthdays.child,
        contacts.contact_date,
        contacts.in_touch,
        contacts.activ,
        contacts.accom,
        row_number() over (
            partition by birthdays.period, birthdays.child order by contacts.contact_date desc
        ) as contact_rank
    from birthdays
    join stg_care_leavers as contacts
        on contacts.child = birthdays.child
        and contacts.contact_date between add_months(birthdays.birthday, -3)
            and add_months(birthdays.birthday, 1)
        and contacts.contact_date <= birthdays.quarter_end
),
final as (
    select
        birthdays.*,
        status.contact_date,
        status.in_touch,
        status.activ,
        status.accom,
        coalesce(accom_codes.suitable = 'Y', false) as is_suitable,
        coalesce(activ_codes.neet = 'Y', false) as is_neet
    from birthdays
    left join contacts_in_window as status
        on status.period = birthdays.period
        and status.child = birthdays.child
        and status.contact_rank = 1
    left join (select distinct code, suitable from codes_accom) as accom_codes
        on accom_codes.code = status.accom
    left join (select distinct code, neet from codes_activ) as activ_codes
        on activ_codes.code = status.activ
)
select * from final
