//===- SearchProgress.h - A long search's progress line ---------*- C++ -*-===//
//
// ldfi and check redraw one line on stderr while a search runs: its runs,
// their rate, the time so far, the share of the fault space already run
// where the strategy walks the space (exhaustive, random), and how long is
// left where that can be told (the rest of an exhaustive walk, or a
// --max-runs or --timeout limit). Only on a terminal, and only once a
// search has run for a second, unless --progress=always asks for it
// anywhere from the first run (lit tests); --progress=never turns it off.
// The lines of searches running at once (check -j) take turns.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_TOOL_SEARCHPROGRESS_H
#define FAULTLINE_TOOL_SEARCHPROGRESS_H

#include "faultline/Search/Search.h"

#include <optional>
#include <string>

namespace llvm {
class raw_ostream;
}

namespace faultline::tool {

enum class ProgressMode { Auto, Always, Never };

/// What a progress line knows of its search before it starts.
struct SearchShape {
  std::string Name; ///< "scenario 'x'", or empty
  /// How many fault sets the strategy may run, when it runs each at most
  /// once and walks the space (exhaustive, random without timer choices).
  std::optional<long double> Space;
  bool Exhaustive = false; ///< Space is walked to its end.
  unsigned MaxRuns = 0;
  double TimeoutSeconds = 0;
};

/// The shape of a search with these bounds and options (the program has
/// timers: Timed).
SearchShape shapeOf(const Bounds &B, const search::SearchOptions &O, bool Timed);

/// The line of one search; cleared (on a terminal) when it is destroyed.
class SearchProgress {
public:
  SearchProgress(ProgressMode Mode, SearchShape Shape);
  ~SearchProgress();
  SearchProgress(const SearchProgress &) = delete;
  SearchProgress &operator=(const SearchProgress &) = delete;

  void update(const search::Progress &P);
  /// The line P gives (tests of its wording call it directly).
  std::string line(const search::Progress &P) const;

private:
  llvm::raw_ostream &OS;
  ProgressMode Mode;
  bool Terminal;
  SearchShape Shape;
  bool Drawn = false;
  double Last = -1;
};

} // namespace faultline::tool

#endif // FAULTLINE_TOOL_SEARCHPROGRESS_H
