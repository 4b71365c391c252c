-- Registry: operators, their facilities and the processes each facility is registered for.
-- Element vectors everywhere in the schema are bigint[19] in mg, in the order of
-- org.reetrace.core.element.Element: Sc Y La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Th U.

create table operator (
    id         text primary key,
    name       text not null,
    country    char(2) not null check (country ~ '^[A-Z]{2}$'),
    created_at timestamptz not null default now(),
    created_by text not null default 'system'
);

create table facility (
    id          text primary key,
    operator_id text not null references operator (id),
    name        text not null,
    kind        text not null check (kind in ('MINE', 'IN_SITU_LEACH_MINE', 'CONCENTRATOR', 'CRACKING_PLANT',
                    'SEPARATION_PLANT', 'METAL_PLANT', 'MAGNET_PLANT', 'RECYCLER', 'DISPOSAL_FACILITY', 'PORT',
                    'WAREHOUSE')),
    country     char(2) not null check (country ~ '^[A-Z]{2}$'),
    latitude    double precision check (latitude between -90 and 90),
    longitude   double precision check (longitude between -180 and 180),
    created_at  timestamptz not null default now(),
    created_by  text not null default 'system'
);

create index facility_operator on facility (operator_id);

-- The processes a facility is registered for, with the country of origin of the technology it uses.
create table facility_process (
    facility_id        text not null references facility (id),
    process            text not null,
    technology_country char(2) not null check (technology_country ~ '^[A-Z]{2}$'),
    primary key (facility_id, process)
);
