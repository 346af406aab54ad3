package org.egovca.load;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the harness runs against and for how long, from system properties ({@code -Dload.threads=32}
 * ...); the defaults are those of the {@code benchmark} Maven profile.
 *
 * @param home instance directory of the Payara domain and the CA's data (wiped at start)
 * @param portBase Payara port base: HTTP on +80, HTTPS on +81, admin on +48
 * @param database the PostgreSQL database the CA gets, dropped and created anew
 * @param threads concurrent client threads of every figure
 * @param syncMessages how many sync messages the sync delivery figure drains
 * @param jmhResult JSON result file of the core JMH benchmark, holding the reference rate
 * @param summary file the summary is written to, besides the console
 */
record Settings(
    Path home,
    int portBase,
    int ldapPort,
    String database,
    int threads,
    Duration warmUp,
    Duration measurement,
    int batchSize,
    int syncMessages,
    Path jmhResult,
    Path summary) {

  static Settings fromSystemProperties() {
    return new Settings(
        Path.of(System.getProperty("load.home", "target/load")).toAbsolutePath(),
        Integer.getInteger("load.portBase", 23000),
        Integer.getInteger("load.ldapPort", 23389),
        System.getProperty("load.database", "egovca_bench"),
        Integer.getInteger("load.threads", 16),
        Duration.ofSeconds(Integer.getInteger("load.warmUpSeconds", 10)),
        Duration.ofSeconds(Integer.getInteger("load.measurementSeconds", 20)),
        Integer.getInteger("load.batchSize", 100),
        Integer.getInteger("load.syncMessages", 3000),
        Path.of(System.getProperty("load.jmhResult", "../ejb/target/jmh-result.json")),
        Path.of(System.getProperty("load.summary", "target/load-summary.txt")));
  }
}
