-- Hand-written (Prisma cannot express triggers); PostgreSQL twin of the trigger
-- part of prisma/migrations/20261122030721_security_roles_per_cluster.
-- Usernames are unique regardless of case: "usernameKey" (unique) follows
-- lower("username") on every write, whoever writes it. The column and its
-- unique index come from the init migration; a PostgreSQL database starts
-- empty, so no existing accounts need renaming.
CREATE FUNCTION "User_usernameKey_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."usernameKey" := lower(NEW."username");
  RETURN NEW;
END;
$$;

CREATE TRIGGER "User_usernameKey" BEFORE INSERT OR UPDATE ON "User"
  FOR EACH ROW EXECUTE FUNCTION "User_usernameKey_follow"();
