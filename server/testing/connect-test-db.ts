import { afterAll, inject } from "vitest";
import { connectDb, disconnectDb } from "../db/client";

connectDb(inject("databaseUrl"));
afterAll(() => disconnectDb());
