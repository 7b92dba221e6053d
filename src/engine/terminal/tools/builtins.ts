import { localDate, timeOfDay } from '../../wall-clock';
import { failed, printed, type Tool, type ToolContext } from '../types';

const instant = () => 0;
const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dateLine(ctx: ToolContext): string {
  const date = localDate(ctx.s.clock, ctx.state.t);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // Zeller-style weekday from the civil date (Monday = 0), to stay clear of Date.
  const yy = m < 3 ? y - 1 : y;
  const weekday = (yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) + [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4][m - 1]! + d + 6) % 7;
  return `${weekdays[weekday]} ${months[m - 1]} ${String(d).padStart(2, ' ')} ${timeOfDay(ctx.s.clock, ctx.state.t)} ${y}`;
}

/** Shell built-ins and small utilities: echo, date, whoami, cat, clear. */
export const builtins: Tool[] = [
  { name: 'echo', summary: 'print its arguments', durationS: instant, run: (_c, args) => printed(args.filter((a) => a !== '-n' && a !== '-e').join(' ')) },
  { name: 'date', summary: "the platform's local date and time", durationS: instant, run: (ctx) => printed(dateLine(ctx)) },
  { name: 'whoami', summary: 'the account this shell runs as', durationS: instant, run: () => printed('oncall-data') },
  {
    name: 'cat',
    summary: 'print its input',
    durationS: instant,
    run: (_c, args, stdin) => (args.length > 0 && args[0] !== '-' ? failed(`cat: ${args[0]}: No such file or directory`) : printed(stdin)),
  },
  { name: 'clear', summary: 'clear the screen', durationS: instant, run: () => printed('') },
];
