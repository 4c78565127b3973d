-- The team hub, first schema: the directory, the append-only event log, conversation access,
-- attachment blobs, row-level security and the role trigger. Run by `samlactl hub migrate` as
-- the role that is to own the hub (a database owner with CREATEROLE; never the application's
-- role). The application's users are members of samla_hub_user, which owns nothing and may only
-- read what row-level security shows it and insert events.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'samla_hub_user') THEN
    CREATE ROLE samla_hub_user NOLOGIN;
  END IF;
  -- The owner's own policies name this role, so that row-level security can be forced on every
  -- table (the owner's trigger functions are subject to it too, and get everything).
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'samla_hub_owner') THEN
    CREATE ROLE samla_hub_owner NOLOGIN;
  END IF;
END
$$;
GRANT samla_hub_owner TO CURRENT_USER;

CREATE TABLE hub.municipalities (
  id   text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_-]*$'),
  name text NOT NULL
);

CREATE TABLE hub.departments (
  id           text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_-]*$'),
  municipality text NOT NULL REFERENCES hub.municipalities (id),
  name         text NOT NULL
);

-- A person or an agent. `login` is the PostgreSQL role the user connects as (the identity
-- PostgreSQL authenticated: SCRAM password, client certificate or Kerberos principal mapped by
-- pg_ident.conf). Agents record what channels bring in, as the system actor.
CREATE TABLE hub.users (
  id    text PRIMARY KEY CHECK (id <> 'system'),
  login name NOT NULL UNIQUE,
  name  text NOT NULL,
  kind  text NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'agent'))
);

CREATE TABLE hub.memberships (
  user_id       text NOT NULL REFERENCES hub.users (id) ON DELETE CASCADE,
  department_id text NOT NULL REFERENCES hub.departments (id),
  role          text NOT NULL CHECK (role IN ('caseworker', 'lead', 'comms', 'admin')),
  PRIMARY KEY (user_id, department_id)
);

-- The append-only log. seq is the hub's order; it is assigned under a transaction-wide lock by
-- the trigger, so events commit in seq order and a client pulling "after seq N" never misses
-- one committed later with a smaller number. doc is the event as sync/src/event_json.cpp
-- writes it (without hub_sequence); the other columns are read from it by the trigger.
CREATE SEQUENCE hub.event_seq;
CREATE TABLE hub.events (
  seq             bigint PRIMARY KEY,
  id              uuid NOT NULL UNIQUE,
  conversation_id text NOT NULL,
  type            text NOT NULL,
  actor           text NOT NULL,
  department      text NOT NULL,
  at              timestamptz NOT NULL,
  doc             jsonb NOT NULL,
  recorded_by     text NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_by_conversation ON hub.events (conversation_id, seq);

-- What the hub must know of a conversation to check roles: its owner, the handover waiting
-- and whether it is open. Kept by the trigger with the same rules as models/src/rules.cpp.
CREATE TABLE hub.conversations (
  id               text PRIMARY KEY,
  owner_department text NOT NULL REFERENCES hub.departments (id),
  handover_to      text REFERENCES hub.departments (id),
  open             boolean NOT NULL DEFAULT true
);

-- Which departments see a conversation: the owner from its first message, and every department
-- a handover was addressed to, from the event that addressed it (granted_seq). Rows are never
-- removed: a department asked to take over must still see the withdrawal or the acceptance
-- elsewhere, and the sender still sees the outcome after the receiver accepted.
CREATE TABLE hub.conversation_access (
  conversation_id text NOT NULL REFERENCES hub.conversations (id),
  department_id   text NOT NULL REFERENCES hub.departments (id),
  granted_seq     bigint NOT NULL,
  PRIMARY KEY (conversation_id, department_id)
);
CREATE INDEX access_by_department ON hub.conversation_access (department_id, granted_seq);

-- Attachment bytes by SHA-256, and which conversation refers to which blob (for visibility).
CREATE TABLE hub.blobs (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size   bigint NOT NULL,
  data   bytea NOT NULL,
  CHECK (size = octet_length(data))
);
CREATE TABLE hub.attachments (
  conversation_id text NOT NULL REFERENCES hub.conversations (id),
  sha256          text NOT NULL,
  PRIMARY KEY (conversation_id, sha256)
);

-- What the agents sent (or are about to send): one row per automatic reply (keyed by the
-- message answered) and per reply (keyed by reply id). The agent records the event before it
-- hands the message to the channel, so a second agent, or the same one after a crash, is
-- refused here instead of sending it twice.
CREATE TABLE hub.sends (
  conversation_id text NOT NULL REFERENCES hub.conversations (id),
  kind            text NOT NULL CHECK (kind IN ('auto-reply', 'reply')),
  key             text NOT NULL,
  seq             bigint NOT NULL,
  PRIMARY KEY (conversation_id, kind, key)
);

-- Every inbound message once, whichever agent ingested it: a standby that ingests a file again
-- after a failover, or an agent pushing what it ingested before it crashed, is refused here.
CREATE TABLE hub.inbound (
  channel     text NOT NULL,
  external_id text NOT NULL,
  event_id    uuid NOT NULL,
  PRIMARY KEY (channel, external_id)
);

-- ---- who is asking ------------------------------------------------------------------------

-- session_user, not current_user: SET ROLE cannot change it, and inside SECURITY DEFINER
-- functions it is still the person who connected.
CREATE FUNCTION hub.me() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, hub AS $$
  SELECT id FROM hub.users WHERE login = session_user
$$;

CREATE FUNCTION hub.is_agent() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, hub AS $$
  SELECT EXISTS (SELECT FROM hub.users u WHERE u.login = session_user AND u.kind = 'agent')
$$;

-- Agents and administrators see every conversation.
CREATE FUNCTION hub.sees_all() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, hub AS $$
  SELECT EXISTS (SELECT FROM hub.users u WHERE u.login = session_user AND u.kind = 'agent')
      OR EXISTS (SELECT FROM hub.users u JOIN hub.memberships m ON m.user_id = u.id
                  WHERE u.login = session_user AND m.role = 'admin')
$$;

-- The departments whose conversations the caller sees.
CREATE FUNCTION hub.my_departments() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, hub AS $$
  SELECT m.department_id FROM hub.memberships m WHERE m.user_id = hub.me()
  UNION
  SELECT d.id FROM hub.departments d WHERE hub.sees_all()
$$;

CREATE FUNCTION hub.template_types() RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$ SELECT ARRAY['TemplateSaved', 'TemplateRetired'] $$;

-- ---- the role trigger ---------------------------------------------------------------------

-- Raises a refusal the client shows in plain words: the message is an English sentence with
-- {0}, {1} … (the same msgids as models' rules where the rule is the same), DETAIL the
-- arguments as a JSON array. SQLSTATE 42501 (insufficient_privilege).
CREATE FUNCTION hub.refuse(format text, args text[] DEFAULT '{}') RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = format,
                        DETAIL = to_jsonb(args)::text, HINT = 'samla-refusal';
END
$$;

CREATE FUNCTION hub.is_member(user_id text, department text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT FROM hub.memberships m
                  WHERE m.user_id = is_member.user_id AND m.department_id = department)
$$;

CREATE FUNCTION hub.has_role(user_id text, department text, wanted text[]) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT FROM hub.memberships m
                  WHERE m.user_id = has_role.user_id AND m.department_id = department
                    AND m.role = ANY (wanted))
$$;

CREATE FUNCTION hub.is_admin(user_id text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT FROM hub.memberships m
                  WHERE m.user_id = is_admin.user_id AND m.role = 'admin')
$$;

CREATE FUNCTION hub.record_event() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, hub AS $$
DECLARE
  me      hub.users;
  conv    hub.conversations;
  payload jsonb;
  target  text;
  owner_side boolean;
  system_types constant text[] := ARRAY['MessageReceived', 'AutoReplySent', 'ReplySent',
                                        'ReplyFailed'];
  person_types constant text[] := ARRAY['Assigned', 'Unassigned', 'ReplyQueued',
    'PreliminaryReplySent', 'NoteAdded', 'HandoverRequested', 'HandoverAccepted',
    'HandoverDeclined', 'HandoverWithdrawn', 'Closed', 'Reopened'];
BEGIN
  -- One writer at a time until commit: seq order is commit order.
  PERFORM pg_advisory_xact_lock(7413, 1);

  SELECT * INTO me FROM hub.users WHERE login = session_user;
  IF me.id IS NULL THEN
    PERFORM hub.refuse('{0} is not a user of this hub', ARRAY[session_user::text]);
  END IF;

  IF jsonb_typeof(NEW.doc) IS DISTINCT FROM 'object' THEN
    PERFORM hub.refuse('the event is not a JSON object');
  END IF;
  NEW.doc := NEW.doc - 'hub_sequence';
  BEGIN
    NEW.id := (NEW.doc ->> 'id')::uuid;
    NEW.conversation_id := NEW.doc ->> 'conversation_id';
    NEW.type := NEW.doc ->> 'type';
    NEW.actor := NEW.doc ->> 'actor';
    NEW.department := coalesce(NEW.doc ->> 'department', '');
    NEW.at := (NEW.doc ->> 'at')::timestamptz;
  EXCEPTION WHEN data_exception THEN
    PERFORM hub.refuse('the event has a malformed id or time');
  END;
  IF NEW.id IS NULL OR NEW.conversation_id IS NULL OR NEW.conversation_id = ''
     OR NEW.type IS NULL OR NEW.actor IS NULL OR NEW.at IS NULL THEN
    PERFORM hub.refuse('the event lacks its id, conversation, type, actor or time');
  END IF;

  -- Idempotent on the event id: a push repeated after a lost reply changes nothing.
  IF EXISTS (SELECT FROM hub.events e WHERE e.id = NEW.id) THEN
    RETURN NULL;
  END IF;

  NEW.seq := nextval('hub.event_seq');
  NEW.recorded_by := me.id;
  NEW.recorded_at := now();
  payload := coalesce(NEW.doc -> 'payload', '{}'::jsonb);

  -- Who may record as whom.
  IF NEW.actor = 'system' THEN
    IF me.kind <> 'agent' THEN
      PERFORM hub.refuse('events can only be recorded with yourself as the actor');
    END IF;
    IF NOT NEW.type = ANY (system_types) THEN
      PERFORM hub.refuse('{0} must be done by a person', ARRAY[NEW.type]);
    END IF;
  ELSIF NEW.actor <> me.id THEN
    PERFORM hub.refuse('events can only be recorded with yourself as the actor');
  ELSIF NEW.type = ANY (system_types) THEN
    PERFORM hub.refuse('{0} events come from the channel, not from a person', ARRAY[NEW.type]);
  END IF;

  -- Templates are not conversations: only comms staff and administrators save them.
  IF NEW.type = ANY (hub.template_types()) THEN
    IF NOT EXISTS (SELECT FROM hub.memberships m WHERE m.user_id = me.id
                    AND m.role IN ('comms', 'admin')) THEN
      PERFORM hub.refuse('only comms staff and administrators can save templates');
    END IF;
    RETURN NEW;
  END IF;

  IF NOT (NEW.type = ANY (system_types) OR NEW.type = ANY (person_types)) THEN
    PERFORM hub.refuse('this hub does not know events of type {0}', ARRAY[NEW.type]);
  END IF;

  SELECT * INTO conv FROM hub.conversations c WHERE c.id = NEW.conversation_id FOR UPDATE;
  IF conv.id IS NULL THEN
    IF NEW.type <> 'MessageReceived' THEN
      PERFORM hub.refuse('there is no such conversation');
    END IF;
    IF NOT EXISTS (SELECT FROM hub.departments d WHERE d.id = NEW.department) THEN
      PERFORM hub.refuse('a new conversation needs a known owning department, not {0}',
                         ARRAY[NEW.department]);
    END IF;
    INSERT INTO hub.conversations (id, owner_department) VALUES (NEW.conversation_id, NEW.department);
    INSERT INTO hub.conversation_access (conversation_id, department_id, granted_seq)
    VALUES (NEW.conversation_id, NEW.department, NEW.seq);
    conv.owner_department := NEW.department;
    conv.open := true;
  END IF;

  IF NEW.type = 'MessageReceived' THEN
    INSERT INTO hub.inbound (channel, external_id, event_id)
    VALUES (coalesce(payload -> 'message' ->> 'channel', ''),
            coalesce(payload -> 'message' ->> 'external_id', ''), NEW.id)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
      PERFORM hub.refuse('this message is already in the hub');
    END IF;
    INSERT INTO hub.attachments (conversation_id, sha256)
    SELECT NEW.conversation_id, a ->> 'blob'
      FROM jsonb_array_elements(coalesce(payload -> 'message' -> 'attachments', '[]')) a
     WHERE coalesce(a ->> 'blob', '') <> ''
    ON CONFLICT DO NOTHING;
    RETURN NEW;
  END IF;
  IF NEW.type IN ('AutoReplySent', 'ReplySent') THEN
    INSERT INTO hub.sends (conversation_id, kind, key, seq)
    VALUES (NEW.conversation_id,
            CASE NEW.type WHEN 'AutoReplySent' THEN 'auto-reply' ELSE 'reply' END,
            coalesce(payload ->> CASE NEW.type WHEN 'AutoReplySent' THEN 'in_reply_to'
                                               ELSE 'reply_id' END, ''),
            NEW.seq)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
      PERFORM hub.refuse(CASE NEW.type WHEN 'AutoReplySent'
                           THEN 'this message was already answered automatically'
                           ELSE 'this reply was already sent' END);
    END IF;
  END IF;
  IF NEW.actor = 'system' THEN
    RETURN NEW;
  END IF;

  owner_side := hub.is_member(me.id, conv.owner_department) OR hub.is_admin(me.id);
  CASE NEW.type
  WHEN 'Assigned' THEN
    IF payload ->> 'assignee' = me.id THEN
      IF NOT owner_side THEN
        PERFORM hub.refuse('only members of {0} can claim this conversation',
                           ARRAY[conv.owner_department]);
      END IF;
    ELSIF NOT (hub.has_role(me.id, conv.owner_department, ARRAY['lead']) OR hub.is_admin(me.id))
    THEN
      PERFORM hub.refuse('only a lead of {0} can assign this conversation',
                         ARRAY[conv.owner_department]);
    END IF;
  WHEN 'NoteAdded' THEN
    IF NOT (owner_side OR (conv.handover_to IS NOT NULL AND hub.is_member(me.id, conv.handover_to)))
    THEN
      PERFORM hub.refuse('only members of {0} can add notes to this conversation',
                         ARRAY[conv.owner_department]);
    END IF;
  WHEN 'HandoverAccepted', 'HandoverDeclined' THEN
    -- The receiving side: the department the waiting handover (else the last one) went to.
    target := coalesce(conv.handover_to,
      (SELECT e.doc -> 'payload' ->> 'to_department' FROM hub.events e
        WHERE e.conversation_id = NEW.conversation_id AND e.type = 'HandoverRequested'
        ORDER BY e.seq DESC LIMIT 1));
    IF target IS NULL THEN
      PERFORM hub.refuse('there is no handover to answer');
    END IF;
    IF NOT hub.is_member(me.id, target) THEN
      PERFORM hub.refuse(CASE NEW.type WHEN 'HandoverAccepted'
                           THEN 'only members of {0} can accept this handover'
                           ELSE 'only members of {0} can decline this handover' END,
                         ARRAY[target]);
    END IF;
    IF conv.handover_to IS NOT NULL THEN
      UPDATE hub.conversations c
         SET owner_department = CASE NEW.type WHEN 'HandoverAccepted' THEN conv.handover_to
                                              ELSE c.owner_department END,
             handover_to = NULL
       WHERE c.id = conv.id;
    END IF;
  ELSE
    -- Everything else is done by the owning department (or an administrator).
    IF NOT owner_side THEN
      PERFORM hub.refuse('only members of {0} can work on this conversation',
                         ARRAY[conv.owner_department]);
    END IF;
    IF NEW.type = 'HandoverRequested' THEN
      target := payload ->> 'to_department';
      IF NOT EXISTS (SELECT FROM hub.departments d WHERE d.id = target) THEN
        PERFORM hub.refuse('{0} is not a known department', ARRAY[coalesce(target, '')]);
      END IF;
      -- The same conditions as the fold: otherwise the event is kept and the fold rejects it.
      IF conv.open AND conv.handover_to IS NULL AND target <> conv.owner_department THEN
        UPDATE hub.conversations c SET handover_to = target WHERE c.id = conv.id;
        INSERT INTO hub.conversation_access (conversation_id, department_id, granted_seq)
        VALUES (conv.id, target, NEW.seq) ON CONFLICT DO NOTHING;
      END IF;
    ELSIF NEW.type = 'HandoverWithdrawn' THEN
      UPDATE hub.conversations c SET handover_to = NULL WHERE c.id = conv.id;
    ELSIF NEW.type = 'Closed' THEN
      IF conv.open AND conv.handover_to IS NULL THEN
        UPDATE hub.conversations c SET open = false WHERE c.id = conv.id;
      END IF;
    ELSIF NEW.type = 'Reopened' THEN
      UPDATE hub.conversations c SET open = true WHERE c.id = conv.id;
    END IF;
  END CASE;
  RETURN NEW;
END
$$;

CREATE TRIGGER record_event BEFORE INSERT ON hub.events
  FOR EACH ROW EXECUTE FUNCTION hub.record_event();

CREATE FUNCTION hub.append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the event log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON hub.events
  FOR EACH STATEMENT EXECUTE FUNCTION hub.append_only();

-- A wake-up for clients listening; it carries no data and is not replayed.
CREATE FUNCTION hub.notify_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('samla_hub_events', '');
  RETURN NULL;
END
$$;
CREATE TRIGGER notify_events AFTER INSERT ON hub.events
  FOR EACH STATEMENT EXECUTE FUNCTION hub.notify_events();

-- ---- what clients call --------------------------------------------------------------------

-- Records one event (the JSON of sync/src/event_json.cpp) and returns its seq, also when it
-- was recorded before. Runs as the caller: row-level security applies.
CREATE FUNCTION hub.push(event jsonb) RETURNS bigint
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, hub AS $$
DECLARE
  result bigint;
BEGIN
  -- The trigger fills every other column from the JSON.
  INSERT INTO hub.events (doc) VALUES (event);
  SELECT e.seq INTO result FROM hub.events e WHERE e.id = (event ->> 'id')::uuid;
  RETURN result;
END
$$;

-- Stores attachment bytes under their SHA-256, checked here (a blob is its digest). Agents
-- only: they ingest what citizens send. A blob already stored is left as it is.
CREATE FUNCTION hub.put_blob(hash text, content bytea) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, hub AS $$
BEGIN
  IF NOT hub.is_agent() THEN
    PERFORM hub.refuse('only agents store attachments');
  END IF;
  IF encode(sha256(content), 'hex') <> hash THEN
    PERFORM hub.refuse('the attachment does not match its digest {0}', ARRAY[hash]);
  END IF;
  INSERT INTO hub.blobs (sha256, size, data) VALUES (hash, octet_length(content), content)
  ON CONFLICT (sha256) DO NOTHING;
END
$$;

-- The next events for the caller after the cursor (after_vis, after_seq), in the order
-- (vis, seq): vis is the event's seq, or for a conversation a handover made visible later, the
-- seq of the event that made it visible, so its whole history arrives after the grant. Runs as
-- the caller: row-level security applies on top.
CREATE FUNCTION hub.pull(after_vis bigint, after_seq bigint, max_rows integer)
RETURNS TABLE (vis bigint, seq bigint, doc text)
LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = pg_catalog, hub AS $$
BEGIN
  -- EXECUTE with the numbers written in: a plan made for this cursor (an index range scan far
  -- into the log, a scan of everything for a fresh desktop), not one generic plan for all.
  -- The order is decided on (vis, seq) alone; the documents are fetched for the chosen rows.
  RETURN QUERY EXECUTE format($q$
    WITH grants AS (
      SELECT a.conversation_id, min(a.granted_seq) AS granted
        FROM hub.conversation_access a
       WHERE a.department_id IN (SELECT hub.my_departments())
       GROUP BY a.conversation_id),
    stream AS (
      SELECT e.seq AS vis, e.seq
        FROM hub.events e LEFT JOIN grants g ON g.conversation_id = e.conversation_id
       WHERE e.seq >= %1$s AND (e.seq, e.seq) > (%1$s::bigint, %2$s::bigint)
         AND (e.seq >= g.granted OR e.type = ANY (hub.template_types()))
       ORDER BY e.seq LIMIT %3$s),
    backfill AS (
      SELECT g.granted AS vis, e.seq
        FROM grants g JOIN hub.events e ON e.conversation_id = g.conversation_id
       WHERE g.granted >= %1$s AND (g.granted, e.seq) > (%1$s::bigint, %2$s::bigint)
         AND e.seq < g.granted
       ORDER BY g.granted, e.seq LIMIT %3$s),
    chosen AS (
      SELECT * FROM (SELECT * FROM stream UNION ALL SELECT * FROM backfill) r
       ORDER BY r.vis, r.seq LIMIT %3$s)
    SELECT c.vis, c.seq, e.doc::text
      FROM chosen c JOIN hub.events e ON e.seq = c.seq
     WHERE e.seq = ANY (ARRAY(SELECT chosen.seq FROM chosen))
     ORDER BY c.vis, c.seq
  $q$, after_vis, after_seq, max_rows);
END
$$;

-- ---- row-level security -------------------------------------------------------------------

ALTER TABLE hub.municipalities ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub.departments ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub.users ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub.memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub.events ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub.conversations ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub.conversation_access ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub.blobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub.attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub.sends ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub.inbound ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub.municipalities FORCE ROW LEVEL SECURITY;
ALTER TABLE hub.departments FORCE ROW LEVEL SECURITY;
ALTER TABLE hub.users FORCE ROW LEVEL SECURITY;
ALTER TABLE hub.memberships FORCE ROW LEVEL SECURITY;
ALTER TABLE hub.events FORCE ROW LEVEL SECURITY;
ALTER TABLE hub.conversations FORCE ROW LEVEL SECURITY;
ALTER TABLE hub.conversation_access FORCE ROW LEVEL SECURITY;
ALTER TABLE hub.blobs FORCE ROW LEVEL SECURITY;
ALTER TABLE hub.attachments FORCE ROW LEVEL SECURITY;
ALTER TABLE hub.sends FORCE ROW LEVEL SECURITY;
ALTER TABLE hub.inbound FORCE ROW LEVEL SECURITY;

-- The owner (and its SECURITY DEFINER functions) work on everything.
CREATE POLICY owner_all ON hub.municipalities TO samla_hub_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON hub.departments TO samla_hub_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON hub.users TO samla_hub_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON hub.memberships TO samla_hub_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON hub.events TO samla_hub_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON hub.conversations TO samla_hub_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON hub.conversation_access TO samla_hub_owner
  USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON hub.blobs TO samla_hub_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON hub.attachments TO samla_hub_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON hub.sends TO samla_hub_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON hub.inbound TO samla_hub_owner USING (true) WITH CHECK (true);
-- Agents read what was sent, to know what is left to answer.
CREATE POLICY agent_read ON hub.sends FOR SELECT TO samla_hub_user USING (hub.is_agent());

-- The directory is no secret inside the municipality: every user reads it.
CREATE POLICY user_read ON hub.municipalities FOR SELECT TO samla_hub_user USING (true);
CREATE POLICY user_read ON hub.departments FOR SELECT TO samla_hub_user USING (true);
CREATE POLICY user_read ON hub.users FOR SELECT TO samla_hub_user USING (true);
CREATE POLICY user_read ON hub.memberships FOR SELECT TO samla_hub_user USING (true);

CREATE POLICY user_read ON hub.conversation_access FOR SELECT TO samla_hub_user
  USING (department_id IN (SELECT hub.my_departments()));
CREATE POLICY user_read ON hub.conversations FOR SELECT TO samla_hub_user
  USING (id IN (SELECT a.conversation_id FROM hub.conversation_access a));
CREATE POLICY user_read ON hub.events FOR SELECT TO samla_hub_user
  USING (type = ANY (hub.template_types())
         OR conversation_id IN (SELECT a.conversation_id FROM hub.conversation_access a));
-- Only events with yourself as the actor; agents record the channels' system events.
CREATE POLICY user_insert ON hub.events FOR INSERT TO samla_hub_user
  WITH CHECK (actor = hub.me() OR (actor = 'system' AND hub.is_agent()));
CREATE POLICY user_read ON hub.attachments FOR SELECT TO samla_hub_user
  USING (conversation_id IN (SELECT a.conversation_id FROM hub.conversation_access a));
CREATE POLICY user_read ON hub.blobs FOR SELECT TO samla_hub_user
  USING (sha256 IN (SELECT t.sha256 FROM hub.attachments t));

REVOKE ALL ON ALL TABLES IN SCHEMA hub FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA hub FROM PUBLIC;
GRANT USAGE ON SCHEMA hub TO samla_hub_user;
GRANT SELECT ON hub.municipalities, hub.departments, hub.users, hub.memberships,
                hub.conversations, hub.conversation_access, hub.attachments, hub.blobs
  TO samla_hub_user;
GRANT SELECT, INSERT ON hub.events TO samla_hub_user;
GRANT SELECT ON hub.sends TO samla_hub_user;
GRANT EXECUTE ON FUNCTION hub.me(), hub.is_agent(), hub.sees_all(), hub.my_departments(), hub.template_types(),
  hub.push(jsonb), hub.pull(bigint, bigint, integer), hub.put_blob(text, bytea)
  TO samla_hub_user;
