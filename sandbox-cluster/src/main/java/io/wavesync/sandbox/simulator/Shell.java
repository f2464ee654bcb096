package io.wavesync.sandbox.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a shell script into simple commands (words between {@code ;}, {@code &&}, {@code ||},
 * {@code |}, {@code &} and newlines), honouring quotes and comments. Enough to see which commands a
 * hook script runs; it does not evaluate anything.
 */
final class Shell {

  private Shell() {
  }

  static List<List<String>> commands(String script) {
    List<List<String>> commands = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    int i = 0;
    while (i < script.length()) {
      char c = script.charAt(i);
      if (c == '\'' || c == '"') {
        if (word == null) {
          word = new StringBuilder();
        }
        int end = i + 1;
        while (end < script.length() && script.charAt(end) != c) {
          if (c == '"' && script.charAt(end) == '\\' && end + 1 < script.length()) {
            end++;
          }
          word.append(script.charAt(end));
          end++;
        }
        i = end + 1;
        continue;
      }
      if (c == '#' && word == null) {
        while (i < script.length() && script.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      if (Character.isWhitespace(c) && c != '\n') {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
        i++;
        continue;
      }
      if (c == ';' || c == '&' || c == '|' || c == '\n' || c == '(' || c == ')') {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
        if (!words.isEmpty()) {
          commands.add(words);
          words = new ArrayList<>();
        }
        i++;
        continue;
      }
      if (word == null) {
        word = new StringBuilder();
      }
      if (c == '\\' && i + 1 < script.length()) {
        i++;
        c = script.charAt(i);
      }
      word.append(c);
      i++;
    }
    if (word != null) {
      words.add(word.toString());
    }
    if (!words.isEmpty()) {
      commands.add(words);
    }
    return commands;
  }
}
