package io.wavesync.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatsTest {

  @Test
  void cpuTicksAreUtimePlusStimeCountedFromTheLastParenthesisOfTheCommandName() {
    // a command name with a space and a parenthesis, as Java threads can have
    String stat = "8722 (java (main) x) S 1 8722 5498 0 -1 4194560 52131 0 3 0 1234 567 0 0 20 0 "
        + "61 0 9061 3468718080 57843 18446744073709551615 1 1 0 0 0 0 0 4096 16898 0 0 0 17 1 0 0 0 0 0";
    assertThat(ProcStats.cpuTicks(stat)).isEqualTo(1234 + 567);
  }

  @Test
  void rssIsTheVmRssLineInKibibytes() {
    String status = "Name:\tjava\nVmPeak:\t 3468718 kB\nVmRSS:\t  225312 kB\nRssAnon:\t  180000 kB\n";
    ProcStats s = new ProcStats(250, ProcStats.rssKib(status));
    assertThat(s.rssKib()).isEqualTo(225312);
    assertThat(s.rssMib()).isEqualTo(220.03125);
    assertThat(s.cpuSeconds()).isEqualTo(2.5);
  }
}
