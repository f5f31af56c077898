# Prints the completions zsh offers for a command line: zcomp.zsh SCRIPT "cse li"
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z 'PROMPT=; RPROMPT=; setopt NO_ZLE_BELL; autoload -U compinit; compinit -u -D'
zpty -w z "source ${(q)1}"
zpty -w z 'compadd () {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi
  typeset -a __hits; builtin compadd -A __hits "$@"
  (( $#__hits )) && print -n -- "${(j: :)__hits} "
}'
zpty -w z 'finish () { print "<E""ND>"; exit }'
zpty -w z 'zstyle ":completion:*" list-prompt ""; comppostfuncs=(finish)'
zpty -w z 'bindkey "^I" complete-word'
zpty -n -w z "$2"$'\t'
local out line
while zpty -r z line; do
  out+=$line
  [[ $line == *'<END>'* ]] && break
done
out=${out##*$'\t'}
print -r -- "${${out%%<END>*}//$'\r'/}" | tr -s ' ' | sed 's/^.*\x1b\[[0-9;]*[A-Za-z]//'
zpty -d z
