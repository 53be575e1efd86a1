import type { Metadata } from "next";
import { can } from "@/lib/server/auth/permissions";
import { verifySession } from "@/lib/server/auth/session";
import { listClusterGrants } from "@/lib/server/cluster-grants";
import { listUsers } from "@/lib/server/users";
import { CreateUserForm } from "./_components/create-user-form";
import { GrantTable } from "./_components/grant-table";
import { UserRow } from "./_components/user-row";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Users" };

/** Admin page: every account, with role, status and password controls. */
export default async function UsersPage() {
  const me = await verifySession();
  if (!can(me.role, "user.manage")) {
    return (
      <>
        <h1>Users</h1>
        <p role="alert" className="alert error">Only admins can manage users.</p>
      </>
    );
  }
  const [users, grantTable] = await Promise.all([listUsers(), listClusterGrants()]);
  return (
    <>
      <h1>Users</h1>
      <section className="panel" aria-labelledby="users-heading">
        <h2 id="users-heading">Accounts</h2>
        <TableScroll label="Users">
          <table>
            <thead>
              <tr>
                <th scope="col">Username</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">Sessions</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <UserRow
                  key={u.id}
                  user={{ ...u, lastLoginAt: u.lastLoginAt?.toISOString() ?? null }}
                  isSelf={u.id === me.userId}
                />
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section className="panel" aria-labelledby="grants-heading">
        <h2 id="grants-heading">Roles per cluster</h2>
        <p className="muted">
          A user&apos;s global role applies on every cluster unless a role is chosen for that cluster here; &quot;none&quot; hides the cluster from them.
        </p>
        <GrantTable users={users.map(({ id, username, role }) => ({ id, username, role }))} {...grantTable} selfId={me.userId} />
      </section>
      <section className="panel" aria-labelledby="create-heading">
        <h2 id="create-heading">Create user</h2>
        <CreateUserForm />
      </section>
    </>
  );
}
