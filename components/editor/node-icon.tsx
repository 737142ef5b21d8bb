import {
  ArrowRightLeft,
  BookOpen,
  Bot,
  Braces,
  Clock,
  Code,
  FlaskConical,
  Frame,
  GitBranch,
  GitMerge,
  Globe,
  ListTree,
  LogIn,
  LogOut,
  MemoryStick,
  Plug,
  Puzzle,
  Repeat,
  ScrollText,
  Shuffle,
  Sparkles,
  Text,
  User,
  UserCheck,
  Webhook,
  Workflow,
  Wrench,
  Zap,
  type LucideIcon,
} from "lucide-react";
import { useLayoutEffect, useRef } from "react";
import type { TNodeCategory } from "@/lib/graph";
import styles from "./editor.module.css";

// The icon names node types declare (lib/graph node-type.ts `icon`), drawn with lucide. Named one by one so the
// bundle carries these icons only, not lucide's whole set.
const ICONS_BY_NAME: Record<string, LucideIcon> = {
  "book-open": BookOpen,
  bot: Bot,
  clock: Clock,
  code: Code,
  frame: Frame,
  "git-branch": GitBranch,
  "git-merge": GitMerge,
  globe: Globe,
  "list-tree": ListTree,
  "log-in": LogIn,
  "log-out": LogOut,
  memory: MemoryStick,
  plug: Plug,
  puzzle: Puzzle,
  repeat: Repeat,
  script: ScrollText,
  shuffle: Shuffle,
  sparkles: Sparkles,
  text: Text,
  "user-check": UserCheck,
  webhook: Webhook,
  workflow: Workflow,
};

const ICONS_BY_CATEGORY: Record<TNodeCategory, LucideIcon> = {
  io: ArrowRightLeft,
  flow: Workflow,
  data: Braces,
  human: User,
  ai: Sparkles,
  tool: Wrench,
  trigger: Zap,
  test: FlaskConical,
};

function getIconKey(icon: string | undefined, category: TNodeCategory | undefined): string {
  if (icon && ICONS_BY_NAME[icon]) return icon;
  return category && ICONS_BY_CATEGORY[category] ? `category-${category}` : "puzzle";
}

const ICON_ENTRIES = [...Object.entries(ICONS_BY_NAME), ...Object.entries(ICONS_BY_CATEGORY).map(([category, Icon]) => [`category-${category}`, Icon] as const)];

/**
 * Draws every node icon once, hidden, and turns each drawing into a CSS rule that paints it as a mask: a card's icon is
 * then one empty element (NodeIcon), where lucide's own <svg> would add a subtree per card that a thousand cards pay for
 * in creation, style and layout. Render once per page, before the cards are shown.
 */
export function NodeIconStyles() {
  const drawingsRef = useRef<HTMLDivElement>(null);
  const rulesRef = useRef<HTMLStyleElement>(null);
  useLayoutEffect(() => {
    const drawings = [...(drawingsRef.current?.children ?? [])] as HTMLElement[];
    const rules = drawings.map((drawing) => `.${styles.nodeIcon}[data-icon="${drawing.dataset.icon}"]{--icon:url("data:image/svg+xml,${encodeURIComponent(drawing.innerHTML)}")}`);
    if (rulesRef.current) rulesRef.current.textContent = rules.join("\n");
  }, []);
  return (
    <>
      <div ref={drawingsRef} hidden>
        {ICON_ENTRIES.map(([key, Icon]) => (
          <span key={key} data-icon={key}>
            <Icon size={24} strokeWidth={2} />
          </span>
        ))}
      </div>
      <style ref={rulesRef} />
    </>
  );
}

/** A node type's icon: its declared name, else its category's icon (a plugin may name one this set lacks). */
export function NodeIcon({ icon, category }: { icon: string | undefined; category: TNodeCategory | undefined }) {
  return <span className={styles.nodeIcon} data-icon={getIconKey(icon, category)} aria-hidden="true" />;
}
