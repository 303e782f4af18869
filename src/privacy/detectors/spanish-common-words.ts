/**
 * Frequent Spanish words that a census-and-social-media name list also holds as names ("Casa",
 * "Espero", "Vivo", "Seguro"): taken from the 2,000 most used Spanish words, less the words that are
 * mostly given names ("Rosa", "Pedro" stay names). A patient who starts a sentence with one of these
 * is writing Spanish, not naming someone.
 */
export const SPANISH_COMMON_WORDS = `
casa vida anos noche padre mira vas pasa dinero seguro mundo crees gusta ven madre hora oye veo razon
debo familia cabeza chica carino alla serio paso amor puerta pense debes forma chico sabia hice auto
camino ninos espero chicos viejo deja manos mano guerra vale toma caso hare capitan nino listo iba dame
grande feliz llama corazon persona tierra cara cree tomar justo matar amo pequeno clase dime ay fuerte
creer alto comer paso malo vivo haga fiesta basta arma vino lista armas chicas aca perro murio veras paz
perdon joven pueblo caballeros minuto bebe diga rey cama di cambio falta gusto ido nave cielo orden
segura nina libro calle perfecto odio libre mala viste dile perdido hara resto ropa negro secreto miren
haz boca bano dano duro mire campo diez placer blanco pase mente anda novia mato perra navidad pena piso
foto medico linea barco lindo vine pagar fotos maestro dale pobre vista pelo das nena tren bonito
hermosa honor llamas corre baja sol mesa caja oro norte abogado llave hermoso doy trae ley banco calma
cena creen sargento destino sala regalo iglesia alma espada carne vidas vere pies luna carta teniente
dulce mirando carrera haras planeta coronel frio veras sur mar tienda camara papel ordenes isla salida
gato hagan dejes causa rio relacion luces ojala brazo rojo batalla cargo respeto estacion corte baile
rayos triste zona guardia salud caballo principio bosque bonita pone amable viva obra publico azul ojo
vea duda pensado bomba cartas leer papi rico verla lee toca mando cierra damas puente monton puertas
trago reina ingles estrella pido fe capaz verme beber partido perros golpe alta ganas espiritu nota
tratar caballero alegra doble sube mami cuello boda mata principe ira tiro verde debi piel arte
brillante cayo cine dando puntos tema pon bebe banda sigo flores mapa cuentas pareja pedi verano prensa
gordo riesgo cuento casado bote roja leyes millon hable lana salido malas bala paga ama belleza vera
lider inocente haran ponte felices supe marcha bella cabello costa dama vos gana cura lengua arana dedo
pago lucha leche copa sonido carro bastardo amas dueno mato doc primo piedra militar silla tesoro dara
valiente senti casas sheriff calles colegio cabo directo termine pecho cuesta lago saca piloto marca
hable serie americano balas cambia sabia negra eleccion bordo vender busco contento dura castillo torre
robar malos botella millas fuente menor privado gusto vuelvas mires enamorado
`;
