import { createRouter } from "../../trpc";
import { listMembersProcedure } from "./list";
import { removeMemberProcedure } from "./remove";

export const memberRouter = createRouter({
  list: listMembersProcedure,
  remove: removeMemberProcedure,
});
