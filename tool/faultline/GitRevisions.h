//===- GitRevisions.h - Revisions of the user's repository, read-only -*- C++ -*-===//
//
// review reads two revisions of the sources without touching the user's
// checkout, index or .git: it asks git for the commits (rev-parse) and
// writes each revision's tree into a scratch folder (git archive, then tar
// -x), which it removes afterwards.
//
//===----------------------------------------------------------------------===//

#ifndef FAULTLINE_TOOL_GITREVISIONS_H
#define FAULTLINE_TOOL_GITREVISIONS_H

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace faultline::tool {

class GitRepository {
public:
  /// The repository the current folder is in; nothing (Error says why) if
  /// there is none or git cannot run.
  static std::optional<GitRepository> find(std::string &Error);

  /// The top folder of the working tree.
  const std::string &root() const { return Root; }
  /// The commit a revision names, or nothing.
  std::optional<std::string> resolve(const std::string &Rev) const;
  /// Whether this is a shallow clone (CI checkouts often are), which may
  /// lack the commit a review compares with.
  bool isShallow() const;
  /// Whether the revision's tree has this file (a path relative to root).
  bool hasFile(const std::string &Commit, const std::string &Path) const;
  /// The files From..To renames (To's path -> From's path, relative to
  /// root), as git's rename detection finds them; empty if git fails.
  std::map<std::string, std::string> renames(const std::string &From,
                                             const std::string &To) const;
  /// Tracked files with uncommitted changes (staged or not), relative to root.
  std::vector<std::string> dirtyFiles() const;
  /// `git diff -U0` from one commit to another: the hunks review places
  /// introduced findings on (parseChangedLines() in ReviewDiff.h). Nothing
  /// if git fails.
  std::optional<std::string> diff(const std::string &From, const std::string &To) const;
  /// Writes the commit's tree into Dir (which exists). False, with Error,
  /// if git or tar fails.
  bool materialize(const std::string &Commit, const std::string &Dir, std::string &Error) const;

private:
  GitRepository(std::string Git, std::string Root) : Git(std::move(Git)), Root(std::move(Root)) {}
  /// Runs git in root with these arguments; its standard output, or
  /// nothing if it fails (its standard error in Error).
  std::optional<std::string> git(const std::vector<std::string> &Args, std::string &Error) const;

  std::string Git, Root;
};

} // namespace faultline::tool

#endif // FAULTLINE_TOOL_GITREVISIONS_H
