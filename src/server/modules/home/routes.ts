import { HomeSummary } from '../../../contracts';
import { userRoute, type Route } from '../../platform/http/route';
import { homeSummary } from './service';

export const homeRoutes: Route[] = [
  userRoute({
    method: 'GET',
    url: '/api/home',
    summary: 'My home page: my unit, counts below it, stations against the standard, recent changes',
    tags: ['home'],
    response: HomeSummary,
    handler: ({ ctx }) => homeSummary(ctx.db, ctx.actor),
  }),
];
