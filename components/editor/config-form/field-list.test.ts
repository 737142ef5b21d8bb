import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { AppRouter } from "@/server/api/root";
import { TRPCProvider } from "../../trpc/trpc";
import type { TNodeConfigProblem } from "./config-values";
import { FieldList } from "./field-list";
import { toConfigFields } from "./field-model";
import { FormContext, type TFormContext } from "./form-context";

const fields = toConfigFields(
  { type: "object", properties: { botName: { type: "string" }, token: { type: "string" }, retries: { type: "integer" } } },
  { botName: { placeholder: "e.g. helper" }, token: { label: "Bot token", sensitive: true }, retries: { advanced: true, label: "Send retries" } },
);

function render(config: Record<string, unknown>, problems: TNodeConfigProblem[]): string {
  const queryClient = new QueryClient();
  // Never called: the read-only secret picker shows the stored name without asking for the list.
  const trpcClient = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "http://127.0.0.1:9/api/trpc" })] });
  const context: TFormContext = { formId: "f", workspaceId: "w", isReadOnly: true, problems, getDraft: () => undefined, setDraft: () => undefined, commit: () => undefined };
  const list = createElement(FieldList, { fields, path: [], value: config });
  const form = createElement(FormContext, { value: context }, list);
  return renderToStaticMarkup(createElement(QueryClientProvider, { client: queryClient }, createElement(TRPCProvider, { trpcClient, queryClient, children: form })));
}

describe("FieldList", () => {
  it("shows a sensitive setting as the secret picker, and an advanced one in a closed Advanced section after the others", () => {
    const html = render({ token: "DISCORD_TOKEN", retries: 2 }, []);
    expect(html).toMatch(/<select[^>]*id="f-token"[^>]*disabled=""/);
    expect(html).toContain('<option value="DISCORD_TOKEN" selected="">DISCORD_TOKEN</option>');
    expect(html).toContain('placeholder="e.g. helper"');
    expect(html).toMatch(/<details[^>]*data-testid="advanced-settings"><summary>Advanced settings \(1\)<\/summary>.*Send retries/);
    expect(html).not.toMatch(/<details[^>]* open=""/);
    expect(html.indexOf("Send retries")).toBeGreaterThan(html.indexOf("Bot token"));
  });

  it("opens the Advanced section when one of its settings has a problem, so the problem is in sight", () => {
    const html = render({ retries: "two" }, [{ message: "Expected integer, got string", configPath: ["retries"] }]);
    expect(html).toMatch(/<details[^>]* open=""/);
    expect(html).toContain("Expected integer, got string");
  });
});
