import { z } from "zod";
import { ZEmailAddress } from "../invitation/types";

export const ZRenameAccountInput = z.object({ name: z.string().max(200) }).strict();
export const ZChangePasswordInput = z.object({ currentPassword: z.string().max(1024), newPassword: z.string().max(1024) }).strict();
export const ZRevokeSessionInput = z.object({ sessionId: z.string().min(1).max(64) }).strict();
export const ZSignUpInput = z.object({ email: ZEmailAddress, name: z.string().max(200), password: z.string().max(1024) }).strict();
