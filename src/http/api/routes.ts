// The API's routes: importing the operations declares them in the registry, which builds the routes.
import './operations.ts';
export { apiRoutes } from './registry.ts';
