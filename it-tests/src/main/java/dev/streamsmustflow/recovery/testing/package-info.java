/**
 * The harness as a test dependency: {@link dev.streamsmustflow.recovery.testing.RecoveryComparison} runs
 * {@code ./compare --app} from a build's own tests, on its own app's descriptor, and hands back the results.
 */
package dev.streamsmustflow.recovery.testing;
