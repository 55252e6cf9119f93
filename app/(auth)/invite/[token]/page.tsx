import type { Metadata } from "next";
import { getDbHandle } from "@/db/connection";
import { AppError } from "@/lib/errors";
import { getInviteInfo } from "@/lib/services/members/accept-invite";
import { Alert } from "@/components/ui/alert";
import { AcceptInviteForm } from "./_components/accept-invite-form";

export const metadata: Metadata = { title: "Join" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const info = await getInviteInfo((await getDbHandle()).db, token).catch((error: unknown) => {
    if (error instanceof AppError) return error;
    throw error;
  });
  if (info instanceof AppError) return <Alert variant="danger">{info.message}</Alert>;
  return <AcceptInviteForm token={token} info={info} />;
}
