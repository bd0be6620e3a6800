// marsad show ID [--db PATH] [--format table|json] [--original]
// marsad show --story ID [--db PATH] [--format table|json]
//
// One stored article (its metadata and text; --format json prints the stored
// record, --original the bytes as ingested), or one story and its articles.
#include <cstdio>
#include <memory>

#include "commands.h"
#include "marsad/json.h"
#include "marsad/stories.h"

namespace marsad::cli {
namespace {

struct ShowFlags {
  std::string db = default_store_path();
  int64_t id = 0;
  bool story = false, original = false;
  std::string format = "table";
};

bool fail(const Status& s) {
  report(s);
  set_exit_code(2);
  return false;
}

void show_story(const Store& store, const ShowFlags& f) {
  auto s = get_story(store, f.id);
  if (!s) {
    fail(s.status());
    return;
  }
  auto members = story_members(store, f.id);
  if (!members) {
    fail(members.status());
    return;
  }
  std::string out;
  if (f.format == "json") {
    JsonWriter w(out);
    w.begin_object().field("id", s->id).field("first_seen", s->first_seen).field("last_seen", s->last_seen);
    w.field("articles", s->articles).field("outlets", s->outlets).field("representative", s->representative);
    w.field("title", s->title).key("members").begin_array();
    for (const StoryMember& m : *members) {
      w.begin_object().field("id", m.id).field("published", m.published).field("source", m.source);
      w.field("title", m.title).field("url", m.url).end_object();
    }
    w.end_array().end_object();
    out += '\n';
  } else {
    out = "story " + std::to_string(s->id) + ": " + std::to_string(s->articles) + " articles, " +
          std::to_string(s->outlets) + " outlets, first seen " + s->first_seen + ", last " + s->last_seen + "\n" +
          "representative #" + std::to_string(s->representative) + ": " + s->title + "\n\n";
    for (const StoryMember& m : *members) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "#%-8lld ", static_cast<long long>(m.id));
      out += buf + m.published.substr(0, 19) + "  " + m.source + "  " + m.title + "\n";
    }
  }
  emit(out);
}

void run(const ShowFlags& f) {
  if (f.format != "table" && f.format != "json") {
    fail(Status(Error::kBadArgument, "--format must be table or json"));
    return;
  }
  StoreOptions so;
  so.read_only = true;
  auto store = Store::open(f.db, so);
  if (!store) {
    fail(store.status());
    return;
  }
  if (f.story) {
    show_story(*store, f);
    return;
  }
  auto a = store->article(f.id);
  if (!a) {
    fail(a.status());
    return;
  }
  if (f.original) {
    emit(a->original);
    return;
  }
  if (f.format == "json") {
    emit(a->record + "\n");
    return;
  }
  std::string out = "#" + std::to_string(a->id) + "  " + (a->title.empty() ? "(untitled)" : a->title) + "\n";
  auto line = [&](const char* k, const std::string& v) {
    if (!v.empty()) out += std::string("  ") + k + ": " + v + "\n";
  };
  line("source", a->source);
  line("published", a->published);
  line("url", a->url);
  line("story", std::to_string(a->story));
  line("from", a->file + (a->line ? ":" + std::to_string(a->line) : ""));
  line("ingested", a->ingested_at);
  line("analyzer", a->analyzer);
  out += "\n";
  // The kept paragraphs, from the record.
  auto story = get_story(*store, a->story);
  if (story && story->articles > 1) {
    out += "  in a story of " + std::to_string(story->articles) + " articles from " + std::to_string(story->outlets) +
           " outlets: marsad show --story " + std::to_string(a->story) + "\n\n";
  }
  out += a->body + "\n";
  emit(out);
}

}  // namespace

void register_show(CLI::App& app) {
  auto f = std::make_shared<ShowFlags>();
  CLI::App* cmd = app.add_subcommand("show", "Show one stored article (or with --story, one story)");
  cmd->add_option("id", f->id, "Article id (as search prints it), or story id with --story")->required();
  cmd->add_option("--db", f->db, "The store; default $MARSAD_DB or marsad.db");
  cmd->add_flag("--story", f->story, "ID is a story: show it and its articles");
  cmd->add_flag("--original", f->original, "Print the article's original bytes exactly as ingested");
  cmd->add_option("--format", f->format, "table (default) or json (the stored record)");
  cmd->callback([f] { run(*f); });
}

namespace {
const Command kShow{"show", 33, register_show};
}

}  // namespace marsad::cli
