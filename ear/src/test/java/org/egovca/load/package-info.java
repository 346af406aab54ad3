/**
 * The load harness of the deployed EAR ({@link org.egovca.load.LoadHarness}): certificates issued
 * and OCSP responses answered per second by a CA running on Payara with PostgreSQL, driven by many
 * concurrent clients on the same machine, each figure also as a ratio to the bare BouncyCastle SM2
 * certificate-signing rate of the core benchmark. Run by {@code mvn -B -Pbenchmark -DskipTests
 * verify}; see docs/BENCHMARKS.md.
 */
package org.egovca.load;
