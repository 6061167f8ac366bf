// The plugin's test-only Datadog intake (a real HTTP server on 127.0.0.1), shared by the e2e specs.
// It lives with the plugin's specs and is not published, so it is imported by path.
// eslint-disable-next-line @nx/enforce-module-boundaries
export { startFakeIntake, type FakeIntake, type IntakeSeries } from '../../../../packages/adr-nx/src/metrics/testing/fake-intake';
