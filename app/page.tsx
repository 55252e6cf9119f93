import { redirect } from "next/navigation";
import { getDbHandle } from "@/db/connection";
import { currentUser, currentUserProjects } from "@/lib/auth/server-session";
import { hasAnyUser } from "@/lib/services/users/sign-up";

export const dynamic = "force-dynamic";

// The front door: your first project when signed in; sign-up on an empty instance; sign-in otherwise.
export default async function Home() {
  const user = await currentUser();
  if (user) {
    const [first] = await currentUserProjects(user.id);
    if (first) redirect(`/${encodeURIComponent(first.org)}/${encodeURIComponent(first.project)}/personalizations`);
    redirect("/sign-in?error=no_project");
  }
  redirect((await hasAnyUser((await getDbHandle()).db)) ? "/sign-in" : "/sign-up");
}
