-- hub.pull reads only the window it returns. Version 1 joined every event after the cursor
-- with every grant of the caller before it applied the limit, so each batch of a fresh
-- desktop's pull cost the whole rest of the log: pulling N events took time in N².
-- Now the stream walks the log in order and stops after max_rows visible events (a grant is
-- looked up per event by its primary key), the backfill looks only at conversations whose
-- first grant to the caller is not behind the cursor, one index range each, and the documents
-- come with the chosen rows instead of a second pass over the log. Same rows, same order.
CREATE OR REPLACE FUNCTION hub.pull(after_vis bigint, after_seq bigint, max_rows integer)
RETURNS TABLE (vis bigint, seq bigint, doc text)
LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = pg_catalog, hub AS $$
BEGIN
  -- EXECUTE with the numbers written in: a plan made for this cursor.
  RETURN QUERY EXECUTE format($q$
    WITH stream AS (
      SELECT e.seq AS vis, e.seq, e.doc
        FROM hub.events e
       WHERE e.seq >= %1$s AND (e.seq, e.seq) > (%1$s::bigint, %2$s::bigint)
         AND (e.type = ANY (hub.template_types())
              OR EXISTS (SELECT 1 FROM hub.conversation_access a
                          WHERE a.conversation_id = e.conversation_id
                            AND a.department_id = ANY (ARRAY(SELECT hub.my_departments()))
                            AND a.granted_seq <= e.seq))
       ORDER BY e.seq LIMIT %3$s),
    late AS (
      SELECT a.conversation_id, min(a.granted_seq) AS granted
        FROM hub.conversation_access a
       WHERE a.department_id = ANY (ARRAY(SELECT hub.my_departments()))
         AND a.conversation_id IN (
               SELECT l.conversation_id FROM hub.conversation_access l
                WHERE l.granted_seq >= %1$s
                  AND l.department_id = ANY (ARRAY(SELECT hub.my_departments())))
       GROUP BY a.conversation_id
      HAVING min(a.granted_seq) >= %1$s),
    backfill AS (
      SELECT g.granted AS vis, b.seq, b.doc
        FROM late g
        CROSS JOIN LATERAL (
          SELECT e.seq, e.doc FROM hub.events e
           WHERE e.conversation_id = g.conversation_id AND e.seq < g.granted
             AND (g.granted, e.seq) > (%1$s::bigint, %2$s::bigint)
           ORDER BY e.seq LIMIT %3$s) b
       ORDER BY g.granted, b.seq LIMIT %3$s)
    SELECT r.vis, r.seq, r.doc::text
      FROM (SELECT * FROM stream UNION ALL SELECT * FROM backfill) r
     ORDER BY r.vis, r.seq LIMIT %3$s
  $q$, after_vis, after_seq, max_rows);
END
$$;
