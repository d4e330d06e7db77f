/**
 * remark-rehype without its walk of the whole tree.
 *
 * Before converting, mdast-util-to-hast (createState) walks every node of the
 * tree with unist-util-visit, only to find link and footnote definitions.
 * unist-util-visit-parents 6 names a new function with Object.defineProperty
 * for each node it enters, which made that walk the dearest single step of
 * rendering a log: 0.7 ms of a 7 KB log's 3.4 ms in a loader worker.
 *
 * So remark-rehype is handed the log's tree inside one node of ours
 * (`wrappedTree`), which that walk does not enter. The node's handler fills
 * the definitions with a plain walk — the same order, the first of an
 * identifier kept, as createState does — and converts the tree's children as
 * the root handler would, so the HTML is the same. Through mdast-util-to-hast's
 * public `handlers` option and `State`; no dependency's file is touched.
 */
import type { Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import type { Handler, State } from 'mdast-util-to-hast';

/** The type of the one node the tree is wrapped in. */
export const WRAPPED_TREE = 'nisshiWrappedTree';

interface WrappedTree {
  type: typeof WRAPPED_TREE;
  tree: MdastRoot;
}

/** A unified transformer (run before remark-rehype): the tree as the one child of a root, which keeps the tree's position and data. */
export function remarkWrapTree() {
  return (tree: MdastRoot): MdastRoot => {
    const wrapped: WrappedTree = { type: WRAPPED_TREE, tree };
    // A node type of our own, which mdast's types do not list: only the handler below reads it.
    const root = { type: 'root', children: [wrapped as unknown as MdastContent] } as MdastRoot;
    if (tree.position) root.position = tree.position;
    if (tree.data) root.data = tree.data;
    return root;
  };
}

const unwrap: Handler = (state, node) => {
  const { tree } = node as unknown as WrappedTree;
  collectDefinitions(state, tree);
  // The root handler wraps what this returns, as it wraps the children of an unwrapped tree.
  return state.all(tree);
};

/** remark-rehype's `handlers` for the wrapped tree. */
export const wrappedTreeHandlers: Record<string, Handler> = { [WRAPPED_TREE]: unwrap };

/** Link and footnote definitions by identifier (upper-cased, the first one kept), in document order: createState's walk. */
function collectDefinitions(state: State, node: MdastRoot | MdastContent): void {
  if (node.type === 'definition' || node.type === 'footnoteDefinition') {
    const id = String(node.identifier).toUpperCase();
    if (node.type === 'definition') {
      if (!state.definitionById.has(id)) state.definitionById.set(id, node);
    } else if (!state.footnoteById.has(id)) {
      state.footnoteById.set(id, node);
    }
  }
  if ('children' in node) for (const child of node.children) collectDefinitions(state, child);
}
