import { sql, type RawBuilder, type SqlBool } from 'kysely';

// A reorganisation retires units instead of deleting them (valid_to) and adds new ones from the change
// date (valid_from); these fragments let every query that lists units for a date keep only the units of
// that date, and let a scope that replaced older units (new province ← old province and its districts)
// still find the units it covered before the change.

/** True when the unit aliased `alias` counts on `date` (both bounds inclusive, null = open). */
export function validOn(alias: string, date: string): RawBuilder<SqlBool> {
  const from = sql.ref(`${alias}.valid_from`);
  const to = sql.ref(`${alias}.valid_to`);
  return sql<SqlBool>`((${from} is null or ${from} <= ${date}::date) and (${to} is null or ${to} >= ${date}::date))`;
}

/** True when the unit aliased `alias` has not been retired (it may start later). */
export function stillOpen(alias: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(`${alias}.valid_to`)} is null`;
}

/**
 * The ids of a scope unit and of every unit it succeeded, transitively (a new province and the old
 * province and districts mapped into it): a subquery for `in`, so one statement still lists the scope.
 */
export function scopeLineage(scopeUnitId: number): RawBuilder<number> {
  return sql<number>`(with recursive lineage (id) as (
      select ${scopeUnitId}::integer
      union
      select s.old_unit_id from unit_successions s join lineage l on s.new_unit_id = l.id
    ) select id from lineage)`;
}
