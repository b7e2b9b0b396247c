/**
 * The few browser globals the in-page probes use (page.evaluate, init scripts). The project's tsconfig
 * has no DOM lib on purpose (server code must not see `window`), so a test file that runs code in the
 * page declares these module-scoped: `declare const window: PageWindow;` and so on.
 */
export interface PageNode {
  textContent: string | null;
}

export interface PageElement extends PageNode {
  scrollWidth: number;
  blur?(): void;
}

export interface PageDocument extends PageNode {
  body: PageElement;
  documentElement: PageElement;
  activeElement: PageElement | null;
  querySelector(selector: string): PageElement | null;
}

export interface PageWindow {
  innerWidth: number;
  getComputedStyle(element: unknown): { backgroundColor: string };
}

export interface PageMutationObserver {
  observe(
    target: PageNode,
    options: { childList?: boolean; subtree?: boolean; characterData?: boolean },
  ): void;
  disconnect(): void;
}

export type PageMutationObserverConstructor = new (callback: () => void) => PageMutationObserver;
