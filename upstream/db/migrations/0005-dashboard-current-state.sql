-- The dashboard reads what is current, not each kind's whole history. Open shortages and
-- unread wall notes get small tables of their own, kept by a trigger on items (so every
-- collector process and every way of inserting items keeps them, and a batch's rows are
-- handled in the order they were inserted); the inspection list reads its newest 30 from an
-- index. Filled here from the items already stored.
CREATE TABLE open_shortages (
  station_id    text NOT NULL REFERENCES stations (id),
  alert_id      bigint NOT NULL,
  -- The alert's own time (station clock), epoch ms: the dashboard lists the newest first.
  opened_at_ms  bigint NOT NULL,
  -- The `supply.alert` payload that opened it.
  payload       jsonb NOT NULL,
  PRIMARY KEY (station_id, alert_id)
);
CREATE INDEX open_shortages_newest ON open_shortages (opened_at_ms DESC);

CREATE TABLE unread_wishes (
  station_id    text NOT NULL REFERENCES stations (id),
  wish_id       text NOT NULL CHECK (wish_id ~ '^[0-9a-f]{32}$'),
  posted_at_ms  bigint NOT NULL,
  -- The item's arrival order, to break ties as the dashboard always has.
  seq           bigint NOT NULL,
  -- The `wish.posted` payload.
  payload       jsonb NOT NULL,
  PRIMARY KEY (station_id, wish_id)
);
CREATE INDEX unread_wishes_newest ON unread_wishes (posted_at_ms DESC, seq DESC);

CREATE INDEX items_inspection_newest ON items (((payload->>'atMs')::bigint) DESC, seq DESC) WHERE kind = 'inspection.result';

-- An alert is open from its `opened` item until its `cleared` item (either may arrive first
-- within one batch: both rows are then visible here); a note is unread until the union reads
-- it or its station retracts it (`wish.retracted`: a steward hid it after it was sent).
CREATE FUNCTION items_current_state() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.kind = 'supply.alert' AND NEW.payload->>'change' = 'opened' THEN
    INSERT INTO open_shortages (station_id, alert_id, opened_at_ms, payload)
    SELECT NEW.station_id, (NEW.payload->>'alertId')::bigint, (NEW.payload->>'atMs')::bigint, NEW.payload
    WHERE NOT EXISTS (SELECT 1 FROM items c WHERE c.key = NEW.station_id || '/supply.alert/' || (NEW.payload->>'alertId') || '.cleared')
    ON CONFLICT DO NOTHING;
  ELSIF NEW.kind = 'supply.alert' THEN
    DELETE FROM open_shortages WHERE station_id = NEW.station_id AND alert_id = (NEW.payload->>'alertId')::bigint;
  ELSIF NEW.kind = 'wish.posted' THEN
    INSERT INTO unread_wishes (station_id, wish_id, posted_at_ms, seq, payload)
    SELECT NEW.station_id, NEW.payload->>'wishId', (NEW.payload->>'postedAtMs')::bigint, NEW.seq, NEW.payload
    WHERE NOT EXISTS (SELECT 1 FROM wish_reads r WHERE r.station_id = NEW.station_id AND r.wish_id = NEW.payload->>'wishId')
      AND NOT EXISTS (SELECT 1 FROM items x WHERE x.key = NEW.station_id || '/wish.retracted/' || (NEW.payload->>'wishId'))
    ON CONFLICT DO NOTHING;
  ELSIF NEW.kind = 'wish.retracted' THEN
    DELETE FROM unread_wishes WHERE station_id = NEW.station_id AND wish_id = NEW.payload->>'wishId';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER items_current_state AFTER INSERT ON items
  FOR EACH ROW WHEN (NEW.kind IN ('supply.alert', 'wish.posted', 'wish.retracted')) EXECUTE FUNCTION items_current_state();

INSERT INTO open_shortages (station_id, alert_id, opened_at_ms, payload)
SELECT o.station_id, (o.payload->>'alertId')::bigint, (o.payload->>'atMs')::bigint, o.payload FROM items o
WHERE o.kind = 'supply.alert' AND o.payload->>'change' = 'opened'
  AND NOT EXISTS (SELECT 1 FROM items c WHERE c.key = o.station_id || '/supply.alert/' || (o.payload->>'alertId') || '.cleared')
ON CONFLICT DO NOTHING;

INSERT INTO unread_wishes (station_id, wish_id, posted_at_ms, seq, payload)
SELECT w.station_id, w.payload->>'wishId', (w.payload->>'postedAtMs')::bigint, w.seq, w.payload FROM items w
WHERE w.kind = 'wish.posted'
  AND NOT EXISTS (SELECT 1 FROM wish_reads r WHERE r.station_id = w.station_id AND r.wish_id = w.payload->>'wishId')
  AND NOT EXISTS (SELECT 1 FROM items x WHERE x.key = w.station_id || '/wish.retracted/' || (w.payload->>'wishId'))
ON CONFLICT DO NOTHING;
