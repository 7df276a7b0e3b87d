# refrain: build the WebAssembly package, serve the page, run every test.
#   make run    set up, build www/pkg, serve www/ on 127.0.0.1 (PORT=8080 by default)
#   make test   set up, then every test (Rust, WebAssembly in Node and Chromium, JS, page), then
#               the payload and speed figures; ends with PASS or FAIL
#   make wasm   only build www/pkg (the library without the CLI and parallel features, wasm-bindgen
#               --target web, the glue's comments stripped, then wasm-opt -Oz --converge), www/pkg/full
#               (features parallel and groups, built for speed with the wasm-speed profile: what the
#               Translation and Compare groups views and large comparisons load), then
#               pkg/precache.js: the service worker's files and version
#   make npm    build www/pkg, then the npm package: target/npm/package/ and target/npm/refrain-VERSION.tgz
#   make bench-peers  refrain against other tools on planted passages (not part of make test: about
#               half an hour); rewrites the tables of docs/bench.md, "Peers". Options of
#               scripts/bench-peers/run.py through ARGS, e.g. ARGS="--sizes 5x500,50x2000 --limit 60"

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)

PORT ?= 8080
PKG := www/pkg
WASM_TARGET := wasm32-unknown-unknown
comma := ,
# wasm-opt inlines every function that has one caller, whatever its size, and V8 compiles a
# function with its optimizing compiler (on another thread) only for its next call: a
# comparison's stages inlined into one function of 50-400 KB ran their whole first comparison
# in baseline code and cost that compiler up to 0.4 s. Functions of more than 300 bytes stay
# functions of their own (the stages are #[inline(never)] for LLVM; see src/compare.rs).
WASM_OPT_INLINING := --one-caller-inline-max-function-size 300
# The features rustc enables for wasm32 by default; wasm-opt must accept them.
WASM_OPT_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
	--enable-mutable-globals --enable-reference-types --enable-multivalue

.PHONY: all setup wasm npm run test serve bench-peers

all: wasm

setup:
	@bash scripts/setup.sh

wasm:
	@# The core package (www/pkg/: what every page load downloads; profile wasm-release, smallest
	@# code), then the full one with features parallel and groups (www/pkg/full/: what the
	@# Translation and Compare groups views and the Worker's large comparisons load; profile
	@# wasm-speed, fastest code). Each build goes to its own target directory so that cargo does
	@# not rebuild one when the other is built.
	$(call wasm_package,$(PKG),--no-default-features,target,wasm-release)
	$(call wasm_package,$(PKG)/full,--no-default-features --features parallel$(comma)groups,target/wasm-full,wasm-speed)
	node scripts/precache.mjs www

# $(call wasm_package,OUT,CARGO_FEATURES,TARGET_DIR,PROFILE): cargo build, wasm-bindgen --target web into
# OUT, the glue's JSDoc blocks and line comments stripped (refrain.d.ts keeps the documentation),
# wasm-opt, the size printed.
define wasm_package
	cargo build --profile $(4) --target $(WASM_TARGET) --lib $(2) --target-dir $(3)
	wasm-bindgen --target web --out-dir $(1) --out-name refrain $(3)/$(WASM_TARGET)/$(4)/refrain.wasm
	node -e 'const fs=require("fs"),f="$(1)/refrain.js";let doc=false;const out=[];for(const l of fs.readFileSync(f,"utf8").split("\n")){const t=l.trim();if(doc){doc=t!=="*/";continue}if(t==="/**"){doc=true;continue}if(!t.startsWith("// "))out.push(l)}if(doc)throw new Error("unclosed comment in "+f);fs.writeFileSync(f,out.join("\n"))'
	node_modules/.bin/wasm-opt -Oz --converge $(WASM_OPT_INLINING) --low-memory-unused --zero-filled-memory --strip-producers $(WASM_OPT_FEATURES) $(1)/refrain_bg.wasm -o $(1)/refrain_bg.wasm
	@node -e 'const fs=require("fs"),z=require("zlib");const b=fs.readFileSync("$(1)/refrain_bg.wasm");console.log(`$(1)/refrain_bg.wasm: $${(b.length/1024).toFixed(1)} KB, $${(z.gzipSync(b,{level:9}).length/1024).toFixed(1)} KB gzip`)'
endef

npm: wasm
	node scripts/build-npm.mjs --pack

serve:
	node scripts/serve.mjs www --port $(PORT)

run: setup wasm serve

test: setup
	@bash scripts/test.sh

bench-peers:
	python3 scripts/bench-peers/run.py $(ARGS)
