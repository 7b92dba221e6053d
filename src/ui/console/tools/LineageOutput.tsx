import { healthTone, parseLineage, type LineageLine } from './output-text';
import { TerminalText } from './TerminalText';

interface TreeNode {
  label: string;
  health: string;
  children: TreeNode[];
}

interface Section {
  heading: string | null;
  roots: TreeNode[];
  text: string[];
}

/** Rebuilds the trees from the indented lines, one section per heading. */
function sections(lines: LineageLine[]): Section[] {
  const out: Section[] = [];
  let current: Section = { heading: null, roots: [], text: [] };
  let stack: { depth: number; node: TreeNode }[] = [];
  for (const line of lines) {
    if (line.type === 'heading') {
      if (current.heading !== null || current.roots.length > 0 || current.text.length > 0) out.push(current);
      current = { heading: line.text, roots: [], text: [] };
      stack = [];
    } else if (line.type === 'text') {
      current.text.push(line.text);
    } else {
      const node: TreeNode = { label: line.label, health: line.health, children: [] };
      while (stack.length > 0 && (stack.at(-1)?.depth ?? 0) >= line.depth) stack.pop();
      const parent = stack.at(-1);
      if (parent) parent.node.children.push(node);
      else current.roots.push(node);
      stack.push({ depth: line.depth, node });
    }
  }
  out.push(current);
  return out;
}

function Node({ node }: { node: TreeNode }) {
  const space = node.label.indexOf(' ');
  const type = space > 0 ? node.label.slice(0, space) : '';
  const name = space > 0 ? node.label.slice(space + 1) : node.label;
  return (
    <li className="tools-lineage__item">
      <div className="tools-lineage__node">
        <span className="tools-lineage__elbow" aria-hidden="true">
          └─
        </span>
        {type && <span className="tools-lineage__type">{type}</span>}
        <span className="tools-lineage__name">{name}</span>
        <span className={`tools-tag tools-tag--${healthTone(node.health)} tools-lineage__health`}>{node.health}</span>
      </div>
      {node.children.length > 0 && (
        <ul className="tools-lineage__children">
          {node.children.map((child, i) => (
            <Node key={i} node={child} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The lineage tree, each node with its health as a badge (the health words are the engine's). */
export function LineageOutput({ body }: { body: string }) {
  const parsed = parseLineage(body);
  if (!parsed.some((l) => l.type === 'node')) return <TerminalText text={body} />;
  return (
    <div className="tools-stack tools-lineage">
      {sections(parsed).map((section, i) => (
        <div key={i} className="tools-lineage__section">
          {section.heading && <h3 className="tools-subhead">{section.heading}</h3>}
          {section.text.map((t, j) => (
            <p key={j} className="tools-lineage__text">
              {t}
            </p>
          ))}
          <ul className="tools-lineage__tree">
            {section.roots.map((root, j) => (
              <Node key={j} node={root} />
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
