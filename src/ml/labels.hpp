// ml/labels.hpp — a label set: class names <-> dense class ids for a LinearModel.
//
// Stages keep their class names (tags, transitions, BILOU labels) in the model file's label list
// (ModelFile::labels()) and map them to the ids the LinearModel scores with:
//
//   ml::LabelSet labels;
//   int noun = labels.add("NOUN|NN");          // training: ids in first-seen order
//   ml::LabelSet loaded(model_file.labels());  // run time: ids = positions in the file
//   std::string_view name = loaded.name(3);
//
// Not thread-safe to modify; const members are thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace erx::ml {

class LabelSet {
 public:
  LabelSet() = default;
  // A label set whose ids are the positions in `names` (duplicates keep their first id).
  explicit LabelSet(std::span<const std::string> names) {
    for (const std::string& n : names) add(n);
  }

  // Returns the id of `name`, adding it with the next id if new.
  int add(std::string_view name) {
    auto it = ids_.find(std::string(name));
    if (it != ids_.end()) return it->second;
    int id = static_cast<int>(names_.size());
    names_.emplace_back(name);
    ids_.emplace(names_.back(), id);
    return id;
  }

  // The id of `name`, or -1 if unknown.
  [[nodiscard]] int find(std::string_view name) const {
    auto it = ids_.find(std::string(name));
    return it == ids_.end() ? -1 : it->second;
  }

  // The name of id `id` (0 <= id < size()).
  [[nodiscard]] const std::string& name(int id) const { return names_[static_cast<std::size_t>(id)]; }

  [[nodiscard]] std::size_t size() const noexcept { return names_.size(); }
  [[nodiscard]] const std::vector<std::string>& names() const noexcept { return names_; }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, int> ids_;
};

}  // namespace erx::ml
