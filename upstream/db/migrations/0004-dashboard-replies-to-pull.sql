-- Replies typed on the dashboard now go straight into `wish_replies`, which stations pull.
-- Those typed before this version move there (in the order they were typed, keeping their
-- time, so stations get them on their next pull) and the dashboard's own table goes.
INSERT INTO wish_replies (station_id, wish_id, text, author, created_at)
SELECT station_id, wish_id, text, left(author, 80), created_at FROM dashboard_wish_replies ORDER BY id;

DROP TABLE dashboard_wish_replies;
