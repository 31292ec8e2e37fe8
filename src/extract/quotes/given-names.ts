/**
 * A compact lexicon of common given names with the gender they usually carry, for resolving "he" / "she"
 * to the right person when the text itself has not told (no Mr./Ms., no pronoun after the name yet).
 * In-text cues always win over this list; a name missing here is simply of unknown gender.
 */

const MALE = `aaron abdul abraham adam adrian ahmed alan albert alec alejandro alex alexander alexei alfred ali allen alvin
amir andre andrei andres andrew andy angel angelo anthony antoine anton antonio archie arnold arthur ashton austin
barack barry ben benjamin bernard bernie bill billy bob bobby boris brad bradley brandon brendan brent brett brian
bruce bryan bud byron calvin cameron carl carlos cecil cesar chad charles charlie chris christian christopher chuck
clarence clark claude clay clifford clint clinton cody colin conor connor craig curtis cyrus dale damian damien dan
daniel danny darius darren dave david dean declan dennis derek devin diego dmitri dominic don donald doug douglas
drew duane dustin dwayne dwight dylan earl ed eddie edgar edward elijah elliot emile emmanuel enrique
eric erik ernest ethan eugene evan fernando francis francisco frank franklin fred freddie frederick gabriel gary
gavin geoff geoffrey george gerald gerard gilbert glenn gordon graham grant greg gregory guillermo gus guy hank hans
harold harrison harry harvey hassan hector henry herbert howard hugh hugo ian igor isaac ivan jack jackson jacob jake
james jamie jared jason javier jay jeff jeffrey jeremy jerome jerry jesse jesus jim jimmy joe joel joey johan john
johnny jon jonathan jorge jose joseph josh joshua juan julian justin karl keith ken kenneth kevin khalid kim kurt
kyle lamar lance larry lawrence lee leo leon leonard leroy lewis lindsey lionel lloyd logan lorenzo louis lucas luis
luke malcolm manuel marco marcus mario mark marshall martin marvin matt matthew maurice max michael miguel mike miles
mitch mitchell mohamed mohammad mohammed muhammad myles nathan nathaniel neil nicholas nick nigel noah norman oliver
omar oscar owen patrick paul pedro pete peter phil philip phillip pierre rafael ralph ramon randall randy raul ray
raymond reggie richard rick ricky rob robert roberto rod rodney roger roland ron ronald ross roy ruben rudy
russell ryan salvador sam samuel scott sean sergei sergio seth shane shaun shawn sheldon simon spencer stanley stefan
stephen steve steven stuart ted terry theodore thomas tim timothy todd tom tommy tony travis trevor troy tyler
vernon victor vincent vladimir wade walter warren wayne wesley will william willie xavier yusuf zach zachary`;

const FEMALE = `abby abigail ada adriana aisha alexandra alexis alice alicia alison allison amanda amber amelia amy ana
andrea angela angelica angie anita ann anna anne annie april ariana arlene ashley audrey barbara beatrice becky belinda
beth betsy betty beverly bonnie brenda bridget brittany brooke caitlin camila candace cara carla carmen carol caroline
carolyn carrie cassandra catherine cathy charlotte chelsea cheryl chloe christina christine cindy claire clara
claudia colleen connie courtney crystal cynthia daisy dana danielle daphne darlene dawn debbie deborah debra demi
denise diana diane dolores donna doris dorothy edith eileen elaine eleanor elena elise eliza elizabeth ella ellen
ellie elsa emily emma erica erin esther eva evelyn faith fatima felicia fiona florence frances gabriela gabrielle gail
gina gladys gloria grace gwen gwendolyn hailey hannah harriet hayley heather heidi helen hillary holly ida ingrid irene
iris isabel isabella jackie jacqueline jane janet janice jasmine jean jeanne jennifer jenny jessica jill joan joanna
joanne jocelyn jodi josephine joy joyce judith judy julia julie june karen kate katherine kathleen kathryn kathy katie
katrina kay kayla kelly kendra kerry kim kimberly kristen kristin krystal laura lauren laurie leah leslie lillian
lily linda lindsay lisa liz lois loretta lori lorraine louise lucy lydia lynn mackenzie madeline madison maggie mandy
margaret maria marian marie marilyn marjorie martha mary maureen maxine megan melanie melinda melissa mia michele
michelle mildred millie miranda molly monica monique nadia nancy naomi natalie natasha nicole nina nora norma olivia
paige pam pamela patricia patty paula pauline peggy penny phyllis priscilla rachel raquel rebecca regina renee rhonda
rita roberta robin rosa rose rosemary ruth sabrina sally samantha sandra sara sarah selena serena shannon sharon
sheila shelby shirley sophia sophie stacy stephanie sue susan suzanne sylvia tamara tammy tanya tara taylor
teresa theresa tiffany tina tracy valerie vanessa vera veronica vicki victoria virginia wanda wendy whitney yolanda
yvonne zoe`;

const toSet = (list: string): Set<string> => new Set(list.split(/\s+/).filter(Boolean));
const MALE_SET = toSet(MALE);
const FEMALE_SET = toSet(FEMALE);

export type Gender = 'm' | 'f';

/** The usual gender of a given name ("Anna" → f), or null when unknown or used for both. */
export function genderOfGivenName(word: string): Gender | null {
  const key = word.toLowerCase().replace(/[.,]$/, '');
  const male = MALE_SET.has(key);
  const female = FEMALE_SET.has(key);
  if (male === female) return null;
  return male ? 'm' : 'f';
}

/** True for a word that is a common given name of either gender. */
export function isGivenName(word: string): boolean {
  const key = word.toLowerCase().replace(/[.,]$/, '');
  return MALE_SET.has(key) || FEMALE_SET.has(key);
}
