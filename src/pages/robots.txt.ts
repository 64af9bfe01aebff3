/** `/robots.txt`: allow all, name the sitemap (`robotsTxt`, src/lib/publish/discovery.ts). */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/publish/discovery';

export const GET: APIRoute = ({ site }) => new Response(robotsTxt(site!), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
