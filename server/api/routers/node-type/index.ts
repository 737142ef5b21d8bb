import { createRouter } from "../../trpc";
import { listNodeTypesProcedure } from "./list";

export const nodeTypeRouter = createRouter({ list: listNodeTypesProcedure });
