export * from './context';
export { SessionProvider } from './SessionProvider';
