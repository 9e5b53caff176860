export { ShellsPage } from './ShellsPage';
