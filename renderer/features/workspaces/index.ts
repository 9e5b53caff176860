export { WorkspacesPage } from './WorkspacesPage';
