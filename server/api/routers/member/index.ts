import { createRouter } from "../../trpc";
import { changeMemberRoleProcedure } from "./change-role";
import { leaveWorkspaceProcedure } from "./leave";
import { listMembersProcedure } from "./list";
import { removeMemberProcedure } from "./remove";
import { transferOwnershipProcedure } from "./transfer-ownership";

export const memberRouter = createRouter({
  list: listMembersProcedure,
  changeRole: changeMemberRoleProcedure,
  remove: removeMemberProcedure,
  leave: leaveWorkspaceProcedure,
  transferOwnership: transferOwnershipProcedure,
});
